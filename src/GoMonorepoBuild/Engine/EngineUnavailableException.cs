namespace GoMonorepoBuild.Engine;

/// <summary>No usable Docker engine, Go toolchain or builder image; the message says what is missing and how to fix it.</summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
