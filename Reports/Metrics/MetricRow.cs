namespace EcosystemSim.Reports.Metrics;

/// <summary>One row of metrics.csv.</summary>
public readonly record struct MetricRow(int Replication, int Year, string Region, string Metric, double Value);
