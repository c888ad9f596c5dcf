namespace EcosystemSim.Model.Parameters;

/// <summary>
/// The lesson a teaching scenario teaches (the scenario's `lesson` field): it decides which chart opens
/// the scenario's report, with a reading written from the run's own numbers. A closed set: each value
/// has its chart and reading in the reporter (Reports/Plots/LessonPlots.cs).
/// </summary>
public enum Lesson
{
    /// <summary>No lesson: the report opens with its headline table.</summary>
    None = 0,

    /// <summary>Adverse selection in a voluntary top-up: the premium, the pool's mix by health and the loss ratio.</summary>
    PremiumSpiral = 1,

    /// <summary>A misappropriation scandal: trust, and pension contributions and medical enrolment following it.</summary>
    TrustRecovery = 2,

    /// <summary>Counties financing themselves: pensions by region, counties cutting benefits, central spending.</summary>
    RegionalDivergence = 3,
}
