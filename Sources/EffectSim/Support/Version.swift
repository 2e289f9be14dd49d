public enum EffectSimVersion { public static let string = "0.2.0" }
