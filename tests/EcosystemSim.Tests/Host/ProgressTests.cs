using EcosystemSim.Host.Runs;

namespace EcosystemSim.Tests.Host;

public class ProgressTests
{
    [Fact]
    public void Without_a_terminal_progress_is_plain_lines()
    {
        var writer = new StringWriter();
        var progress = new ProgressReporter(writer, interactive: false, enabled: true, totalHouseholdYears: 4000, TimeSpan.Zero);
        progress.YearDone("baseline replication 1/2", 2021, 1000);
        progress.YearDone("baseline replication 2/2", 2021, 1000);
        progress.Finish();
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("progress: baseline replication 1/2, year 2021: 25%, ", lines[0], StringComparison.Ordinal);
        Assert.Contains("household-years/s", lines[1], StringComparison.Ordinal);
        Assert.Contains("left", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [Fact]
    public void On_a_terminal_one_bar_is_redrawn_and_cleared_at_the_end()
    {
        var writer = new StringWriter();
        var progress = new ProgressReporter(writer, interactive: true, enabled: true, totalHouseholdYears: 2000, TimeSpan.Zero);
        Assert.True(progress.DrawsBar);
        progress.YearDone("baseline", 2021, 1000);
        progress.YearDone("baseline", 2022, 1000);
        progress.Finish();
        string text = writer.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.Contains("\r[############............] baseline, year 2021: 50%", text, StringComparison.Ordinal);
        Assert.Contains("[########################] baseline, year 2022: 100%", text, StringComparison.Ordinal);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_runs_and_short_plain_runs_print_nothing()
    {
        var writer = new StringWriter();
        ProgressReporter.Silent.YearDone("x", 2021, 10);
        var plain = new ProgressReporter(writer, interactive: false, enabled: true, totalHouseholdYears: 10);
        plain.YearDone("x", 2021, 10);
        plain.Finish();
        Assert.Equal("", writer.ToString());
    }
}
