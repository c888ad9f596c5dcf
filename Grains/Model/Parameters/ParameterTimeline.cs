namespace EcosystemSim.Model.Parameters;

/// <summary>
/// The parameters in force year by year: a scenario's interventions compiled into a step function.
/// The central fund publishes the year's entry; insurers read it too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ParameterTimeline([property: Id(0)] int[] Years, [property: Id(1)] ModelParameters[] Parameters)
{
    /// <summary>A timeline with the same parameters in every year.</summary>
    public static ParameterTimeline Constant(ModelParameters parameters) => new([int.MinValue], [parameters]);

    /// <summary>The parameters in force in a year.</summary>
    public ModelParameters At(int year)
    {
        int i = Array.BinarySearch(Years, year);
        return Parameters[i >= 0 ? i : Math.Max(0, ~i - 1)];
    }
}
