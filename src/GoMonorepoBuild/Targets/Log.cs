namespace GoMonorepoBuild.Targets;

/// <summary>The build's console log; targets and framework stages write through it.</summary>
public static class Log
{
    public static void Debug(string message) => Console.WriteLine(message);
    public static void Information(string message) => Console.WriteLine(message);
    public static void Warning(string message) => Console.WriteLine("WARN " + message);
    public static void Error(string message) => Console.Error.WriteLine("ERROR " + message);
}
