using System.Globalization;
using EcosystemSim.Reports.Metrics;
using EcosystemSim.Scenarios;

namespace EcosystemSim.Engine.Experiments;

/// <summary>What `ecosim solve` aims at: a metric's value in one year and scope.</summary>
public sealed record SolveTarget(string Metric, double Value, int Year, string Scope);

/// <summary>One value of the varied parameter, run: the metric in each replication and their summary.</summary>
public sealed record SolveEvaluation(double X, double[] PerReplication, Interval Summary);

/// <summary>
/// The outcome of a search: every evaluation in the order run, and either the root (the mean of
/// the replications' own roots, with its 95% interval) or why there is none in the range.
/// </summary>
public sealed record SolveResult(SolveTarget Target, string Path, IReadOnlyList<SolveEvaluation> Evaluations, Interval? Root, string? OutOfReach);

/// <summary>
/// The parameter value at which a metric reaches a target, found by root finding on paired
/// replications: every evaluation runs the scenario with the parameter set from the start (as a
/// sweep point) and the same seeds, so replication r sees the same world at every value and its
/// metric moves only with the parameter. The bracket [LOW, HIGH] narrows by the Illinois variant of
/// regula falsi on the replications' mean; once it is within the tolerance, each replication's root
/// is read off the line through its values at the bracket's ends, and the answer is their mean with
/// a t interval (simulation noise at the scenario's other parameters). The metric is assumed
/// monotone in the parameter over the range; a target the range's ends do not straddle is out of
/// reach, and the result says so with the values at both ends.
/// </summary>
public static class Solver
{
    /// <summary>Runs the search; <paramref name="evaluate"/> runs the scenario at one value of the parameter and returns the metric of each replication.</summary>
    public static async Task<SolveResult> SolveAsync(string path, double low, double high, SolveTarget target, double tolerance, int maxEvaluations,
        Func<double, Task<double[]>> evaluate)
    {
        var evaluations = new List<SolveEvaluation>();
        async Task<SolveEvaluation> At(double x)
        {
            var values = await evaluate(x);
            var e = new SolveEvaluation(x, values, Statistics.Summarise(values));
            evaluations.Add(e);
            return e;
        }

        var lo = await At(low);
        var hi = await At(high);
        double gLo = lo.Summary.Mean - target.Value, gHi = hi.Summary.Mean - target.Value;
        if (double.IsNaN(gLo) || double.IsNaN(gHi))
        {
            return new SolveResult(target, path, evaluations, null, $"{target.Metric} has no value in {target.Year} for {target.Scope} (NaN) at one end of the range");
        }
        if (Math.Sign(gLo) == Math.Sign(gHi) && gLo != 0)
        {
            return new SolveResult(target, path, evaluations, null, string.Create(CultureInfo.InvariantCulture,
                $"{target.Metric} ({target.Scope}, {target.Year}) goes from {lo.Summary.Mean:G6} at {path}={low:G6} to {hi.Summary.Mean:G6} at {high:G6}: {target.Value:G6} is out of reach in this range"));
        }
        int side = 0;
        // (A mean exactly on the target ends the search, but each replication's own root is still read off the bracket.)
        while (gLo != 0 && gHi != 0 && Math.Abs(hi.X - lo.X) > tolerance && evaluations.Count < maxEvaluations)
        {
            // Illinois: the end that stays twice in a row has its value halved, so the bracket shrinks from both sides.
            double x = (lo.X * gHi - hi.X * gLo) / (gHi - gLo);
            if (!(x > Math.Min(lo.X, hi.X) && x < Math.Max(lo.X, hi.X))) x = (lo.X + hi.X) / 2;
            var mid = await At(x);
            double g = mid.Summary.Mean - target.Value;
            if (g == 0) return new SolveResult(target, path, evaluations, Statistics.Summarise(ReplicationRoots(lo, hi, target.Value)), null);
            if (Math.Sign(g) == Math.Sign(gLo))
            {
                (lo, gLo) = (mid, g);
                if (side == -1) gHi /= 2;
                side = -1;
            }
            else
            {
                (hi, gHi) = (mid, g);
                if (side == 1) gLo /= 2;
                side = 1;
            }
        }
        return new SolveResult(target, path, evaluations, Statistics.Summarise(ReplicationRoots(lo, hi, target.Value)), null);
    }

    /// <summary>Each replication's root on the line through its values at the bracket's ends (extrapolated when its own values do not straddle the target).</summary>
    public static double[] ReplicationRoots(SolveEvaluation a, SolveEvaluation b, double target) =>
        a.PerReplication.Select((ya, r) =>
        {
            double yb = b.PerReplication[r];
            return ya == yb ? (a.X + b.X) / 2 : a.X + (target - ya) * (b.X - a.X) / (yb - ya);
        }).ToArray();

    /// <summary>The metric of each replication in the target's year and scope.</summary>
    public static double[] Values(ScenarioResult result, SolveTarget target) =>
        result.Metrics.Select((table, r) =>
        {
            foreach (var row in table.Rows)
            {
                if (row.Year == target.Year && row.Metric == target.Metric && row.Region == target.Scope) return row.Value;
            }
            throw new InvalidOperationException($"replication {r} has no {target.Metric} for {target.Scope} in {target.Year}");
        }).ToArray();

    /// <summary>The scenario with the parameter at <paramref name="x"/> from the start, as a sweep point.</summary>
    public static Scenario At(Scenario scenario, string path, double x) =>
        SweepGrid.Points(scenario, [new SweepAxis(path, [Format(x)])])[0].Scenario;

    /// <summary>A value as YAML reads it back exactly.</summary>
    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
