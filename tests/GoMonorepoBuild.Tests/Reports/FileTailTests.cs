using System.Diagnostics;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>The last lines of a file read from its end: big files, long lines, no final newline, blank lines.</summary>
public sealed class FileTailTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("gmb-tail-").FullName;
    string File_ => Path.Combine(_dir, "history.jsonl");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_last_lines_of_a_big_file_are_read_without_reading_the_whole_file()
    {
        using (var writer = new StreamWriter(File_))
            for (var i = 0; i < 400_000; i++)
                writer.WriteLine($"run {i:D7} " + new string('x', 200));
        Assert.True(new FileInfo(File_).Length > 80_000_000);

        var watch = Stopwatch.StartNew();
        var tail = FileTail.Read(File_, 30);
        watch.Stop();

        Assert.Equal(Enumerable.Range(400_000 - 30, 30).Select(i => $"run {i:D7} " + new string('x', 200)), tail.Lines);
        Assert.False(tail.WholeFile);
        // Reading 80 MB line by line takes seconds on this machine; the tail is a block or two.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Lines_longer_than_a_block_come_back_whole()
    {
        var lines = Enumerable.Range(0, 5).Select(i => $"{i}:" + new string((char)('a' + i), 150_000)).ToList();
        File.WriteAllLines(File_, lines);

        Assert.Equal(lines[^3..], FileTail.Read(File_, 3).Lines);
    }

    [Fact]
    public void A_last_line_without_a_final_newline_counts_as_a_line()
    {
        File.WriteAllText(File_, "one\ntwo\nthree");

        Assert.Equal(["two", "three"], FileTail.Read(File_, 2).Lines);
        Assert.Equal(["one", "two", "three"], FileTail.Read(File_, 5).Lines);
    }

    [Fact]
    public void Blank_lines_and_carriage_returns_are_not_lines_and_multibyte_text_survives()
    {
        File.WriteAllText(File_, "first\r\n\r\nzweite Größe ✓\n   \n\nlast\n\n");

        var tail = FileTail.Read(File_, 2);

        Assert.Equal(["zweite Größe ✓", "last"], tail.Lines);
        Assert.False(tail.WholeFile);
        Assert.True(FileTail.Read(File_, 3).WholeFile);
    }

    [Fact]
    public void An_empty_file_has_no_lines()
    {
        File.WriteAllText(File_, "");

        var tail = FileTail.Read(File_, 30);

        Assert.Empty(tail.Lines);
        Assert.True(tail.WholeFile);
    }
}
