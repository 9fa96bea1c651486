using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>Which remembered image lookups the engine's log since the last run lets the next run trust.</summary>
public sealed class ImageMemoryTests
{
    static readonly EngineEvent From = new("container", "die", "c0ffee", null, 1_000);
    const string App = "registry.example/team/app:inputs-1";
    const string Lib = "registry.example/team/lib:inputs-2";

    static readonly ImageMemory Memory = new("engine-1", From, new Dictionary<string, RememberedImage>
    {
        [App] = new("sha256:aaa", "rev-app"),
        [Lib] = new("sha256:bbb", null),
        ["app:1"] = new("sha256:ccc", null),
    });

    static EngineEventWindow Window(params EngineEvent[] after) => new("engine-1", From, [From, .. after]);

    [Fact]
    public void A_log_with_no_image_entry_since_keeps_every_answer()
    {
        var still = Memory.StillThere(Window(new EngineEvent("container", "start", "c1", null, 2_000), new EngineEvent("network", "connect", "n1", "none", 2_001)));

        Assert.Equal(Memory.Images.Keys.Order(StringComparer.Ordinal), still.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("rev-app", still[App].Revision);
    }

    [Fact]
    public void An_image_entry_naming_a_remembered_name_or_id_drops_that_answer_only()
    {
        var untag = new EngineEvent("image", "untag", "sha256:999", App, 2_000);
        var delete = new EngineEvent("image", "delete", "sha256:bbb", "sha256:bbb", 2_001);

        Assert.Equal(["app:1"], Memory.StillThere(Window(untag, delete)).Keys);
    }

    [Fact]
    public void A_tag_giving_a_remembered_name_to_its_remembered_image_confirms_it_and_to_another_image_drops_only_that_name()
    {
        // The classic image store logs a tag for every name a build loads, the remembered image's own ID among them.
        var confirms = new EngineEvent("image", "tag", "sha256:aaa", App, 2_000);
        var otherName = new EngineEvent("image", "tag", "sha256:bbb", "registry.example/team/lib:latest", 2_001);
        var moves = new EngineEvent("image", "tag", "sha256:999", "docker.io/library/app:1", 2_002);

        Assert.Equal([App, Lib], Memory.StillThere(Window(confirms, otherName, moves)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_tag_does_not_undo_an_untag_before_it()
    {
        var untag = new EngineEvent("image", "untag", "sha256:aaa", App, 2_000);
        var tag = new EngineEvent("image", "tag", "sha256:aaa", App, 2_001);

        Assert.DoesNotContain(App, Memory.StillThere(Window(untag, tag)).Keys);
    }

    [Fact]
    public void A_name_logged_in_its_long_form_is_the_same_name()
    {
        var untag = new EngineEvent("image", "untag", "sha256:999", "docker.io/library/app:1", 2_000);

        Assert.DoesNotContain("app:1", Memory.StillThere(Window(untag)).Keys);
    }

    [Fact]
    public void An_image_entry_that_names_nothing_drops_every_answer()
    {
        Assert.Empty(Memory.StillThere(Window(new EngineEvent("image", "prune", "", null, 2_000))));
    }

    [Fact]
    public void A_log_that_lost_the_remembered_entry_or_comes_from_another_engine_keeps_nothing()
    {
        // Restarted (its log starts empty) or more than its ~256 kept entries since: the entry is gone.
        Assert.Empty(Memory.StillThere(new EngineEventWindow("engine-1", From, [new EngineEvent("container", "start", "c1", null, 2_000)])));
        Assert.Empty(Memory.StillThere(new EngineEventWindow("engine-1", From, [])));
        Assert.Empty(Memory.StillThere(Window() with { EngineId = "engine-2" }));
        // A window asked from another entry says nothing about this one's.
        Assert.Empty(Memory.StillThere(new EngineEventWindow("engine-1", From with { TimeNano = 999 }, [From with { TimeNano = 999 }, From])));
    }

    [Fact]
    public void What_is_written_is_read_back_and_a_file_that_is_not_a_memory_reads_as_none()
    {
        var folder = Directory.CreateTempSubdirectory("gmb-memory-").FullName;
        try
        {
            var file = Path.Combine(folder, "sub", "memory.json");
            Memory.Write(file);
            var read = ImageMemory.Read(file)!;

            Assert.Equal((Memory.EngineId, Memory.From), (read.EngineId, read.From));
            Assert.Equal(Memory.Images.OrderBy(i => i.Key), read.Images.OrderBy(i => i.Key));
            File.WriteAllText(file, "{\"engineId\": 3}");
            Assert.Null(ImageMemory.Read(file));
            Assert.Null(ImageMemory.Read(Path.Combine(folder, "none.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
