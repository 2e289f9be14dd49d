public enum BenchmarkSupport {}
