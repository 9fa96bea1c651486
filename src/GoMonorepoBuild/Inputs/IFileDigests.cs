namespace GoMonorepoBuild.Inputs;

/// <summary>The content digest (<see cref="GitBlobId"/>) of files of the monorepo, by path relative to its root.</summary>
public interface IFileDigests
{
    /// <summary>The digest of the file's current (working-tree) content; a missing file is an error naming it.</summary>
    string Of(string relativePath);
}
