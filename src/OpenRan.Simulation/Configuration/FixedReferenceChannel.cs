using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// A fixed reference channel (FRC) of the PUSCH performance requirements, TS 38.104 Annex A.3 (QPSK, R = 193/1024),
/// A.4 (16QAM, R = 658/1024) and A.5 (64QAM, R = 567/1024): CP-OFDM, PUSCH mapping type A over all 14 symbols of the
/// slot, the whole transmission bandwidth, DM-RS configuration type 1, single symbol, l0 = 2 with one additional position
/// (symbols 2 and 11), two CDM groups without data.
/// </summary>
/// <param name="Name">The FRC name, e.g. <c>G-FR1-A3-10</c>.</param>
/// <param name="SubcarrierSpacingKhz">Subcarrier spacing Δf in kHz.</param>
/// <param name="PrbCount">Allocated resource blocks (the transmission bandwidth configuration N_RB).</param>
/// <param name="ChannelBandwidthMhz">The channel bandwidth that N_RB belongs to (TS 38.104 Table 5.3.2-1).</param>
/// <param name="Modulation">The modulation.</param>
/// <param name="TargetCodeRateX1024">The target code rate R × 1024.</param>
/// <param name="McsIndex">The MCS index giving this modulation and rate in TS 38.214 Table 5.1.3.1-2 (256QAM table).</param>
/// <param name="Layers">Transmission layers.</param>
public sealed record FixedReferenceChannel(
    string Name,
    int SubcarrierSpacingKhz,
    int PrbCount,
    int ChannelBandwidthMhz,
    ModulationScheme Modulation,
    int TargetCodeRateX1024,
    int McsIndex,
    int Layers)
{
    /// <summary>The target code rate R.</summary>
    public double TargetCodeRate => TargetCodeRateX1024 / 1024.0;

    /// <summary>The modulation as the specifications write it (QPSK, 16QAM, 64QAM, …).</summary>
    public string ModulationName => Modulation.DisplayName();
}
