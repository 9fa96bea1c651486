namespace GoMonorepoBuild.Reports;

/// <summary>What the user sees while services build side by side. Called from several builds at once.</summary>
public interface IBuildProgress
{
    void Started(string service, string image);

    void StepStarted(string service, string step);

    void Retrying(string service, int attempt, string why);

    void Finished(ServiceReport row);
}
