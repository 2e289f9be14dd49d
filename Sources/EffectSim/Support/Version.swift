public enum EffectSimVersion { public static let string = "0.3.0" }
