using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// One PUSCH performance requirement of TS 38.104 §8.2.1.2 (transform precoding disabled, 70 % of maximum throughput):
/// the FRC, the propagation condition with its correlation, the receive antennas, and the SNR at which 70 % must be
/// reached.
/// </summary>
/// <param name="Table">The table, e.g. <c>8.2.1.2-3</c>.</param>
/// <param name="FixedReferenceChannel">The FRC name.</param>
/// <param name="Propagation">The propagation condition name (TS 38.104 Annex G.2.2), e.g. <c>TDLB100-400</c>.</param>
/// <param name="Correlation">The antenna correlation.</param>
/// <param name="RxAntennas">gNB receive antennas.</param>
/// <param name="SnrDb">The requirement: SNR (dB) at which throughput must reach 70 %.</param>
public sealed record PuschRequirement(string Table, string FixedReferenceChannel, string Propagation, MimoCorrelationLevel Correlation, int RxAntennas, double SnrDb);
