using System.Text.Json.Nodes;
using EcosystemSim.Tests.Support;

namespace EcosystemSim.Tests.Host;

/// <summary>Issue 12 item 14: a manifest edited after its run is refused, saying what no longer matches; large seeds stay exact in JSON.</summary>
public class ManifestCheckTests
{
    private static async Task<string> Run(TempDirectory temp, params string[] extra)
    {
        var result = await Cli.Run(["run", "baseline", "--out", temp["a"], "--households", "200", "--years", "2", "--engine", "inprocess", "-q", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return temp["a/manifest.json"];
    }

    public static TheoryData<string, string> Edits() => new()
    {
        { "seeds", "seeds do not follow" },
        { "households", "households is" },
        { "parameters.pension.vesting_years", "parameters were edited" },
        { "scenario_sha256", "scenario_sha256 is not" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task An_edited_manifest_is_refused_with_what_no_longer_matches(string edit, string expected)
    {
        using var temp = new TempDirectory();
        string path = await Run(temp);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        switch (edit)
        {
            case "seeds": manifest["seeds"] = new JsonArray(12345); break;
            case "households": manifest["households"] = 999; break;
            case "parameters.pension.vesting_years": manifest["parameters"]!["pension"]!["vesting_years"] = 3; break;
            default: manifest["scenario_sha256"] = new string('0', 64); break;
        }
        await File.WriteAllTextAsync(path, manifest.ToJsonString());
        var again = await Cli.Run("run", path, "--out", temp["b"], "--engine", "inprocess", "-q");
        Assert.Equal(2, again.ExitCode);
        string line = Assert.Single(again.StderrLines);
        Assert.Contains("changed after the run", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["b"]));
    }

    [Fact]
    public async Task A_seed_above_two_to_the_53_is_a_string_in_the_manifest_and_the_run_repeats_from_it()
    {
        using var temp = new TempDirectory();
        string path = await Run(temp, "--seed", "18446744073709551557");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.Equal("18446744073709551557", manifest["seed"]!.GetValue<string>());
        Assert.Equal("18446744073709551557", manifest["seeds"]![0]!.GetValue<string>());
        Assert.Equal("18446744073709551557", manifest["parameters"]!["seed"]!.GetValue<string>());
        var again = await Cli.Run("run", path, "--out", temp["b"], "--engine", "inprocess", "-q");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(await File.ReadAllBytesAsync(temp["a/metrics.csv"]), await File.ReadAllBytesAsync(temp["b/metrics.csv"]));
    }
}
