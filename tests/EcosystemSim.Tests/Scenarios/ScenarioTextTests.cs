using System.Text;
using EcosystemSim.Scenarios.Loading;

namespace EcosystemSim.Tests.Scenarios;

/// <summary>
/// What a scenario's text may contain: no control characters in names, ids or the base (none at all)
/// nor in descriptions, questions and notes (line breaks and tabs only); a leading UTF-8 byte-order
/// mark is accepted; a tab used as indentation is reported where it is.
/// </summary>
public class ScenarioTextTests
{
    private const string Source = "test.yaml";

    /// <summary>A name line (line 2 of the file), and the column reported: the character itself when raw, the value when escaped.</summary>
    public static TheoryData<string, string, int> ControlCharactersInNames() => new()
    {
        { "raw NUL", "name: a\0b\n", 8 },
        { "raw NUL ending the value", "name: a\0\n", 8 },
        { "raw escape", "name: a\u001b[31mred\n", 8 },
        { "raw DEL", "name: a\u007fb\n", 8 },
        { "raw C1 control", "name: a\u009bb\n", 8 },
        { "raw tab", "name: a\tb\n", 7 },
        { "escaped NUL", "name: \"a\\0b\"\n", 7 },
        { "escaped line break", "name: \"a\\nb\"\n", 7 },
        { "escaped carriage return", "name: \"a\\rb\"\n", 7 },
        { "escaped C1 control", "name: \"a\\x85b\"\n", 7 },
        { "escaped CSI", "name: \"a\\u009bb\"\n", 7 },
        { "escaped tab", "name: \"a\\tb\"\n", 7 },
    };

    [Theory]
    [MemberData(nameof(ControlCharactersInNames))]
    public void A_control_character_in_the_name_is_refused_at_its_line_and_column(string what, string nameLine, int column)
    {
        var e = Assert.Throws<ScenarioException>(() => Parse("seed: 1\n" + nameLine + "years: 5\n"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("name", problem.Field);
        Assert.Equal((2, column), (problem.Line, problem.Column));
        Assert.Contains("control character", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Source}:2:{column}: name: ", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(problem.ToString(), char.IsControl);
        _ = what;
    }

    [Fact]
    public void A_raw_control_character_outside_any_value_is_refused_at_its_position()
    {
        var e = Assert.Throws<ScenarioException>(() => Parse("seed: 1\n# a comment \u001b[2J\nyears: 5\n"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal((2, 13), (problem.Line, problem.Column));
        Assert.Contains("U+001B", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_NUL_does_not_end_the_file_early()
    {
        // The YAML parser reads a NUL as the end of the text: what follows would be silently ignored.
        var e = Assert.Throws<ScenarioException>(() => Parse("seed: 1\n\0\nyears: 0\n"));
        Assert.Contains(e.Problems, p => p.Line == 2 && p.Column == 1 && p.Message.Contains("U+0000", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, int, int> ControlCharactersInOtherText() => new()
    {
        { "description: a\u001b[2Jb\n", "description", 2, 15 },
        { "question: \"why\\0\"\n", "question", 2, 11 },
        { "description: |\n  one\n  two\u0007\n", "description", 4, 6 },
        { "description: \"a\\u0007\"\n", "description", 2, 14 },
        { "base: \"baseline\\b\"\n", "base", 2, 7 },
        { "interventions:\n  - year: 2025\n    note: \"cut\\x1b[0m\"\n    set: {pension.vesting_years: 10}\n", "interventions[0].note", 4, 11 },
        { "interventions:\n  - year: 2025\n    launch: [\"a\\x00\"]\n", "interventions[0].launch[0]", 4, 14 },
        { "market:\n  insurers:\n    - id: \"ins\\r\"\n", "market.insurers[0].id", 4, 11 },
    };

    [Theory]
    [MemberData(nameof(ControlCharactersInOtherText))]
    public void A_control_character_in_other_text_is_refused_naming_the_field(string yaml, string field, int line, int column)
    {
        var e = Assert.Throws<ScenarioException>(() => Parse("seed: 1\n" + yaml));
        var problem = Assert.Single(e.Problems, p => p.Field == field);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains("control character", problem.Message, StringComparison.Ordinal);
        Assert.All(e.Problems, p => Assert.DoesNotContain(p.ToString(), char.IsControl));
    }

    [Fact]
    public void Line_breaks_and_tabs_are_accepted_in_descriptions_questions_and_notes()
    {
        const string yaml = """
            base: baseline
            name: multi-line
            description: |
              First line.
              	Second line, after a tab.
            question: "Why?\tBecause.\nAnd a second line."
            interventions:
              - year: 2025
                note: "A note\twith a tab\nand a line break"
                set: {pension.vesting_years: 10}
            """;
        var s = Parse(yaml).Scenario;
        Assert.Equal("First line.\n\tSecond line, after a tab.\n", s.Description);
        Assert.Equal("Why?\tBecause.\nAnd a second line.", s.Question);
        Assert.Equal("A note\twith a tab\nand a line break", s.Interventions[^1].Note);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_accepted()
    {
        byte[] text = Encoding.UTF8.GetBytes("base: baseline\nname: with-bom\nseed: 7\n");
        var loaded = ScenarioLoader.Parse([0xEF, 0xBB, 0xBF, .. text], Source);
        Assert.Equal("with-bom", loaded.Scenario.Name);
        Assert.Equal(7ul, (ulong)loaded.Scenario.Seed);
        Assert.Equal(ScenarioWriter.ToJson(ScenarioLoader.Parse(text, Source).Scenario).ToJsonString(), ScenarioWriter.ToJson(loaded.Scenario).ToJsonString());
    }

    [Fact]
    public void Positions_after_a_byte_order_mark_count_from_the_first_character_after_it()
    {
        byte[] text = Encoding.UTF8.GetBytes("seed: x\n");
        var problem = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse([0xEF, 0xBB, 0xBF, .. text], Source)).Problems);
        Assert.Equal(("seed", 1, 7), (problem.Field, problem.Line, problem.Column));
    }

    [Fact]
    public void The_built_in_baseline_with_a_byte_order_mark_is_the_baseline()
    {
        Assert.True(EcosystemSim.Scenarios.ScenarioCatalogue.TryGet("baseline", out byte[]? bytes));
        var withBom = ScenarioLoader.Parse([0xEF, 0xBB, 0xBF, .. bytes], "baseline.yaml").Scenario;
        Assert.Equal(ScenarioWriter.ToJson(ScenarioLoader.Load("baseline").Scenario).ToJsonString(), ScenarioWriter.ToJson(withBom).ToJsonString());
    }

    public static TheoryData<string, int, int> TabIndentation() => new()
    {
        { "pension:\n\tvesting_years: 3\n", 2, 1 },
        { "name: a\nseed: 1\n\tyears: 3\n", 3, 1 },
        { "name: a\npension:\n  vesting_years: 3\n\tsubsidy_multiplier: {east: 2}\n", 4, 1 },
        { "name: a\ninterventions:\n  - year: 2025\n  \tnote: x\n", 4, 3 },
    };

    [Theory]
    [MemberData(nameof(TabIndentation))]
    public void A_tab_used_as_indentation_is_reported_at_its_own_line_and_column(string yaml, int line, int column)
    {
        var e = Assert.Throws<ScenarioException>(() => Parse(yaml));
        var problem = Assert.Single(e.Problems);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains("tab", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Source}:{line}:{column}: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_quoting_a_control_character_prints_it_escaped_on_one_line()
    {
        var e = Assert.Throws<ScenarioException>(() => Parse("\"se\\x1bed\\n\": 1\n"));
        var problem = Assert.Single(e.Problems);
        Assert.DoesNotContain(problem.ToString(), char.IsControl);
        Assert.Contains("\\u001B", problem.ToString(), StringComparison.Ordinal);
    }

    private static LoadedScenario Parse(string yaml) => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml), Source);
}
