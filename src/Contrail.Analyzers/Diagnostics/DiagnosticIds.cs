namespace Contrail.Analyzers.Diagnostics;

/// <summary>
/// Every diagnostic ID Contrail.Analyzers reports: one catalogue for the component, one file per rule
/// family (CTR1xxx context propagation, CTR2xxx proto contracts). IDs never change meaning once shipped.
/// </summary>
internal static partial class DiagnosticIds
{
}
