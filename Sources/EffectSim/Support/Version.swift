public enum EffectSimVersion { public static let string = "0.4.0" }
