using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// The carrier a downlink waveform is composed on (TS 38.211 §4.4): numerology, grid size and start (common resource
/// blocks of the carrier's subcarrier spacing from point A), physical cell identity, antenna ports, the RF frequency for
/// the §5.4 phase compensation, the sample rate and an optional TDD pattern.
/// </summary>
public sealed record DownlinkCarrier
{
    /// <summary>μ, 0..4.</summary>
    public int Numerology { get; init; } = 1;

    /// <summary>N_grid^size, 1..275.</summary>
    public int NSizeGrid { get; init; } = 51;

    /// <summary>N_grid^start (offsetToCarrier), 0..2199.</summary>
    public int NStartGrid { get; init; }

    /// <summary>N_ID^cell, 0..1007.</summary>
    public int NIdCell { get; init; } = 1;

    /// <summary>Antenna ports (grid ports and waveform channels), 1..8.</summary>
    public int AntennaPortCount { get; init; } = 1;

    /// <summary>f0 of TS 38.211 §5.4 in Hz (0: no phase compensation).</summary>
    public double CarrierFrequencyHz { get; init; }

    /// <summary>The sample rate in Hz; 0 picks the FFT size by <see cref="FftSizeRule"/>.</summary>
    public double SampleRateHz { get; init; }

    /// <summary>The FFT size rule when <see cref="SampleRateHz"/> is 0.</summary>
    public FftSizeRule FftSizeRule { get; init; } = FftSizeRule.PowerOfTwo;

    /// <summary>The TDD pattern (annotations and checks), or null for FDD / all-downlink.</summary>
    public TddPattern? Tdd { get; init; }

    /// <summary>The subcarrier spacing in kHz.</summary>
    public int SubcarrierSpacingKhz => 15 << Numerology;

    /// <summary>Slots per frame, 10·2^μ.</summary>
    public int SlotsPerFrame => NrConstants.SubframesPerFrame << Numerology;

    /// <summary>Number of subcarriers K = 12·N_grid^size.</summary>
    public int SubcarrierCount => NSizeGrid * NrConstants.SubcarriersPerRb;

    /// <summary>The OFDM timing (FFT size, cyclic prefixes, sample rate).</summary>
    public OfdmTiming Timing() => SampleRateHz > 0
        ? OfdmTiming.ForSampleRate(new Numerology(Numerology), CyclicPrefix.Normal, SampleRateHz, NSizeGrid)
        : OfdmTiming.ForGrid(new Numerology(Numerology), CyclicPrefix.Normal, NSizeGrid, FftSizeRule);

    /// <summary>The problems of this carrier; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Numerology is < 0 or > NrConstants.MaxNumerology)
        {
            problems.Add($"Numerology = {Numerology}; valid: 0..{NrConstants.MaxNumerology}");
        }

        if (NSizeGrid is < 1 or > NrConstants.MaxPrb)
        {
            problems.Add($"NSizeGrid = {NSizeGrid}; valid: 1..{NrConstants.MaxPrb}");
        }

        if (NStartGrid is < 0 or > 2199)
        {
            problems.Add($"NStartGrid = {NStartGrid}; valid: 0..2199");
        }

        if (NIdCell is < 0 or > NrConstants.MaxCellId)
        {
            problems.Add($"NIdCell = {NIdCell}; valid: 0..{NrConstants.MaxCellId}");
        }

        if (AntennaPortCount is < 1 or > 8)
        {
            problems.Add($"AntennaPortCount = {AntennaPortCount}; valid: 1..8");
        }

        if (!double.IsFinite(CarrierFrequencyHz) || CarrierFrequencyHz < 0)
        {
            problems.Add($"CarrierFrequencyHz = {CarrierFrequencyHz}; valid: ≥ 0 (0 = no phase compensation)");
        }

        if (problems.Count == 0)
        {
            try
            {
                _ = Timing();
                Tdd?.Validate();
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }
}
