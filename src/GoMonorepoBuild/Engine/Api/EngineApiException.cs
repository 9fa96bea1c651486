namespace GoMonorepoBuild.Engine.Api;

/// <summary>The engine failed a question (or could not be reached); the message names the engine and the question.</summary>
public sealed class EngineApiException(string message, Exception? inner = null) : Exception(message, inner);
