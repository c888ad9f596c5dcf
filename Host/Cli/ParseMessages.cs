using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using EcosystemSim.Model.Parameters;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Host.Cli;

/// <summary>
/// Plain words for the parser's complaints about option values: "--households must be a whole
/// number from 1 to 50,000,000; '99999999999' is not" rather than a .NET type name.
/// </summary>
public static partial class ParseMessages
{
    /// <summary>Options that override a scenario setting: their range is the setting's.</summary>
    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["--households"] = nameof(Scenario.Households),
        ["--years"] = nameof(Scenario.Years),
        ["--start-year"] = nameof(Scenario.StartYear),
        ["--seed"] = nameof(Scenario.Seed),
        ["--replications"] = nameof(Scenario.Replications),
    };

    /// <summary>Options with a range of their own.</summary>
    private static readonly Dictionary<string, (double Min, double Max)> Ranges = new(StringComparer.Ordinal)
    {
        ["--repeat"] = (1, Runs.BenchHandler.Request.MaxRepeat),
    };

    /// <summary>The parser's message in plain words, or the message itself when it is not about a value.</summary>
    public static string Plain(string message)
    {
        var m = CannotParse().Match(message);
        if (!m.Success) return message;
        string option = m.Groups["option"].Value, type = m.Groups["type"].Value, value = m.Groups["value"].Value;
        bool whole = type.Contains("Int", StringComparison.Ordinal);
        string kind = whole ? "a whole number" : type.Contains("Double", StringComparison.Ordinal) ? "a number" : "a value of the right kind";
        return $"{option} must be {kind}{Range(option, type)}; '{value}' is not";
    }

    private static string Range(string option, string type)
    {
        (double Min, double Max)? range = null;
        if (Settings.TryGetValue(option, out string? property) && typeof(Scenario).GetProperty(property)?.GetCustomAttribute<ParamAttribute>() is { } param)
        {
            range = (param.Min, param.Max);
        }
        if (Ranges.TryGetValue(option, out var own)) range = own;
        if (type.Contains("UInt64", StringComparison.Ordinal)) range = (Math.Max(0, range?.Min ?? 0), Math.Min(ulong.MaxValue, range?.Max ?? ulong.MaxValue));
        else if (type.Contains("Int32", StringComparison.Ordinal)) range = (Math.Max(int.MinValue, range?.Min ?? int.MinValue), Math.Min(int.MaxValue, range?.Max ?? int.MaxValue));
        if (range is not { } r) return "";
        // A double cannot hold the largest ulong exactly: name it as it is.
        string max = r.Max >= ulong.MaxValue ? ulong.MaxValue.ToString("N0", CultureInfo.InvariantCulture) : r.Max.ToString("N0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $" from {r.Min:N0} to {max}");
    }

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();
}
