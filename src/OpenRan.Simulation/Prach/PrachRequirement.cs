namespace OpenRan.Simulation.Prach;

/// <summary>
/// One PRACH performance requirement of TS 38.104 §8.4.2 with the test conditions of TS 38.141-1 §8.4.1 that the
/// simulation reproduces: probability of detection ≥ 99 % at <see cref="SnrDb"/> with a false-alarm probability ≤ 0.1 %
/// (§8.4.1), a detection counting only when the transmitted preamble is reported with a timing error within
/// <see cref="TimeErrorToleranceSeconds"/>.
/// </summary>
/// <param name="Name">The preset name, e.g. <c>F0-TDLC300-100</c>.</param>
/// <param name="Table">The requirement table, e.g. <c>TS 38.104 Table 8.4.2.2-1</c>.</param>
/// <param name="FormatName">The preamble format (0, B4, …).</param>
/// <param name="PrachSubcarrierSpacingKhz">Δf_RA in kHz for the short formats; null for the long formats.</param>
/// <param name="CarrierSubcarrierSpacingKhz">Δf of the uplink carrier (PUSCH) in kHz.</param>
/// <param name="Propagation">The propagation condition (AWGN or TDLC300-100, TS 38.104 Annex G).</param>
/// <param name="FrequencyOffsetHz">The frequency offset applied with the fading channel (400 Hz for TDLC300-100).</param>
/// <param name="RxAntennas">Receive antennas.</param>
/// <param name="SnrDb">The SNR (per PRACH subcarrier and receive antenna) at which detection must reach 99 %.</param>
/// <param name="ConfigurationIndex">prach-ConfigurationIndex used (FR1 paired spectrum, one occasion per frame).</param>
/// <param name="ZeroCorrelationZoneConfig">zeroCorrelationZoneConfig giving the test preamble's N_CS (TS 38.141-1 Table A.6-1).</param>
/// <param name="RootSequenceIndex">The logical root sequence index of the test preamble (Table A.6-1).</param>
/// <param name="PreambleIndex">The preamble index v of the test preamble (Table A.6-1, one root: the preamble index is v).</param>
/// <param name="TimeErrorToleranceSeconds">The time error tolerance of TS 38.104 Table 8.4.1.1-1.</param>
public sealed record PrachRequirement(
    string Name,
    string Table,
    string FormatName,
    int? PrachSubcarrierSpacingKhz,
    int CarrierSubcarrierSpacingKhz,
    string Propagation,
    double FrequencyOffsetHz,
    int RxAntennas,
    double SnrDb,
    int ConfigurationIndex,
    int ZeroCorrelationZoneConfig,
    int RootSequenceIndex,
    int PreambleIndex,
    double TimeErrorToleranceSeconds);
