namespace EcosystemSim.Model.Parameters;

/// <summary>A parameter group with rules that tie its fields together (beyond each field's own range).</summary>
public interface IValidatable
{
    /// <summary>Each problem as (field name in snake_case, what is wrong).</summary>
    IEnumerable<(string Field, string Message)> Validate();
}
