namespace EcosystemSim.Model.Random;

/// <summary>Seeds of replications, derived from the scenario's seed.</summary>
public static class Seeds
{
    /// <summary>
    /// The seed of a replication: the scenario's own seed for replication 0 (so a single run is
    /// replication 0), a counter-based derivation for the others.
    /// </summary>
    public static ulong ForReplication(ulong scenarioSeed, int replication) =>
        replication == 0 ? scenarioSeed : new Rng(scenarioSeed, Entity.Nation, replication, RngStream.ReplicationSeed).Bits(0);
}
