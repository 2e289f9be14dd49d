public enum EffectSimVersion { public static let string = "0.1.0" }
