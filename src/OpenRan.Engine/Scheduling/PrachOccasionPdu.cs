using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Engine.Scheduling;

/// <summary>One PRACH occasion to search.</summary>
/// <param name="Occasion">The occasion (format, timing) from <see cref="CellPrach"/>.</param>
/// <param name="FrequencyIndex">n_RA, the frequency-multiplexed occasion index.</param>
/// <param name="OffsetSamples">Where t_start^RA lies in the slot, in samples from its start.</param>
/// <param name="RaRnti">The RA-RNTI a response to a preamble of this occasion is addressed to (TS 38.321 §5.1.3).</param>
public readonly record struct PrachOccasionPdu(PrachOccasion Occasion, int FrequencyIndex, int OffsetSamples, int RaRnti);
