using System.Collections;
using System.Globalization;
using EcosystemSim.Model;
using EcosystemSim.Model.Parameters;

namespace EcosystemSim.Scenarios.Loading;

/// <summary>
/// Checks every value against its declared range and every group against its cross-field rules,
/// walking the whole parameter tree, defaults included.
/// </summary>
public static class ParameterValidator
{
    /// <summary>Reports each problem as (field path, message).</summary>
    public static void Validate(object record, string path, Action<string, string> report)
    {
        foreach (var field in ParameterTree.Fields(record.GetType()))
        {
            object? value = field.Property.GetValue(field.Holder(record));
            string fieldPath = YamlBinder.Join(path, field.Name);
            if (value is null)
            {
                report(fieldPath, "a value is required");
            }
            else if (field.Kind == FieldKind.Changes)
            {
                // Checked value by value when bound, and as whole parameter sets by the timeline.
            }
            else if (field.Kind == FieldKind.Section)
            {
                Validate(value, fieldPath, report);
            }
            else if (field.Kind == FieldKind.RecordList)
            {
                var items = (Array)value;
                for (int i = 0; i < items.Length; i++) Validate(items.GetValue(i)!, $"{fieldPath}[{i}]", report);
            }
            else if (field.Param is { } param)
            {
                CheckValue(value, param, fieldPath, report);
            }
        }
        if (record is IValidatable validatable)
        {
            foreach (var (name, message) in validatable.Validate()) report(YamlBinder.Join(path, name), message);
        }
        if (record is Scenario scenario)
        {
            // The model reads the year before the start (initial state) to the year after the last (next year's prices).
            CheckCompounding(scenario.Model, scenario.StartYear - 1, scenario.StartYear + scenario.Years, (field, message) => report(YamlBinder.Join(path, field), message));
        }
    }

    /// <summary>
    /// Largest factor by which a growth rate, compounded from the year its amounts refer to over the
    /// years of a run, may scale money amounts, either way. Each rate is bounded on its own, but a
    /// rate near its bound compounded over decades (a start year far from the base years, a long run)
    /// would carry amounts already at their maximum past what integer fen can hold (about 9.2e16 yuan),
    /// so a run would fail or print Infinity. 1e6 leaves every built-in scenario, and 200 years at the
    /// default long-run income growth (a factor of about 3e5), within it.
    /// </summary>
    public const double MaxCompounding = 1e6;

    /// <summary>Checks that no growth rate, compounded from its reference year to any year in [first, last], scales amounts beyond <see cref="MaxCompounding"/>.</summary>
    public static void CheckCompounding(ModelParameters p, int first, int last, Action<string, string> report)
    {
        void Check(string field, double rate, int from, int to)
        {
            // (1 + rate)^years: growth forward from the reference year, discounting backward to it.
            foreach (int year in new[] { first, last })
            {
                int years = year > to ? year - to : year < from ? from - year : 0;
                if (years == 0) continue;
                double factor = Math.Pow(1 + rate, year > to ? years : -years);
                if (factor > MaxCompounding || factor < 1 / MaxCompounding)
                {
                    report(field, $"{Format(rate)} compounded from {(year > to ? to : from)} to {year} scales amounts by {factor.ToString("G3", CultureInfo.InvariantCulture)}, " +
                                  $"beyond the factor of {Format(MaxCompounding)} money amounts allow (move the reference year or shorten the run)");
                    return;
                }
            }
        }

        foreach (var region in Enum.GetValues<Region>())
        {
            // Historical rates carry incomes back before the base year and forward to growth_until_year; the long-run rate after it.
            double index = Math.Max(p.Income.Index(region, first), p.Income.Index(region, last));
            double low = Math.Min(p.Income.Index(region, first), p.Income.Index(region, last));
            if (index > MaxCompounding || low < 1 / MaxCompounding)
            {
                report(last > p.Income.GrowthUntilYear ? "income.long_run_growth_rate" : $"income.growth_rate.{ParameterTree.ChoiceName(region)}",
                    $"income growth from base_year {p.Income.BaseYear} to the run's years scales incomes by up to {Math.Max(index, 1 / low).ToString("G3", CultureInfo.InvariantCulture)}, " +
                    $"beyond the factor of {Format(MaxCompounding)} money amounts allow (move the reference year or shorten the run)");
                break;
            }
        }
        Check("health.cost_growth", p.Health.CostGrowth, p.Health.CostYear, p.Health.CostYear);
        Check("medical.growth_after_schedule", p.Medical.GrowthAfterSchedule, p.Medical.PremiumYuan.Years[0], p.Medical.PremiumYuan.LastYear);
        Check("medical.growth_after_schedule", p.Medical.GrowthAfterSchedule, p.Medical.SubsidyYuan.Years[0], p.Medical.SubsidyYuan.LastYear);
        Check("central.price_inflation", p.Central.PriceInflation, p.Welfare.PovertyLineYear, p.Welfare.PovertyLineYear);
        Check("central.price_inflation", p.Central.PriceInflation, p.Pension.MinimumMonthlyYuan.Years[0], p.Pension.MinimumMonthlyYuan.LastYear);
        Check("urban.income_growth", p.Urban.IncomeGrowth, p.Urban.IncomePerCapitaYuan.Years[0], p.Urban.IncomePerCapitaYuan.LastYear);
        Check("urban.employee_pension_growth", p.Urban.EmployeePensionGrowth, p.Urban.EmployeePensionMonthlyYuan.Years[0], p.Urban.EmployeePensionMonthlyYuan.LastYear);
    }

    /// <summary>Checks one value (or each element of a list, region map or schedule) against the range.</summary>
    public static void CheckValue(object value, ParamAttribute param, string path, Action<string, string> report)
    {
        switch (value)
        {
            case int or long or ulong or double:
                double x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                // Not finite (NaN, infinities: only from code, files cannot hold them) is out of every range.
                if (!double.IsFinite(x) || x < param.Min || x > param.Max) report(path, $"{Format(value)} is out of range: {Range(param)}");
                break;
            case YearSchedule schedule:
                for (int i = 0; i < schedule.Years.Length; i++)
                {
                    CheckValue(schedule.Values[i], param, $"{path}.{schedule.Years[i]}", report);
                }
                break;
            case Array array:
                if (array.Length == 0 && array.GetType().GetElementType() != typeof(string)) report(path, "the list must not be empty");
                for (int i = 0; i < array.Length; i++) CheckValue(array.GetValue(i)!, param, $"{path}[{i}]", report);
                break;
            case string:
            case bool:
            case Enum:
                break;
            default:
                if (value.GetType().GetProperty(nameof(RegionValues<int>.Values))?.GetValue(value) is IEnumerable values)
                {
                    int i = 0;
                    foreach (object v in values) CheckValue(v, param, $"{path}.{Regions.Names[i++]}", report);
                }
                break;
        }
    }

    private static string Range(ParamAttribute p) =>
        (double.IsNegativeInfinity(p.Min), double.IsPositiveInfinity(p.Max)) switch
        {
            (false, false) => $"must be between {Format(p.Min)} and {Format(p.Max)}",
            (false, true) => $"must be at least {Format(p.Min)}",
            (true, false) => $"must be at most {Format(p.Max)}",
            _ => "no limits",
        };

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
