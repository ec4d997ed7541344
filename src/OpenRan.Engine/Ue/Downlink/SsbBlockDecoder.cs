using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// Finds and decodes one SS/PBCH block in a window of samples for a candidate frequency and an integer carrier frequency
/// offset hypothesis m·Δf: time-domain PSS search with the fractional offset measured and removed (<see cref="SsbTimeSearch"/>),
/// SSS → N_ID^cell (<see cref="CellIdentityDetector"/>), PBCH → MIB (<see cref="PbchReceiver"/>, CRC checked).
/// </summary>
public sealed class SsbBlockDecoder
{
    private readonly SsbTimeSearch _search;
    private readonly CellIdentityDetector _cellDetector = new();
    private readonly PbchReceiver _pbch = new();
    private readonly ResourceGrid _grid = new(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
    private readonly double _integerOffsetHz;

    /// <summary>Builds the search for <paramref name="candidate"/> with the integer offset hypothesis <paramref name="integerOffsetSubcarriers"/>.</summary>
    /// <exception cref="ArgumentException">The sample rate is not a multiple of 128·Δf, or the block (shifted by the hypothesis) is not inside the recorded band.</exception>
    public SsbBlockDecoder(double sampleRateHz, double centerFrequencyHz, SsbCandidate candidate, int integerOffsetSubcarriers)
    {
        Candidate = candidate;
        _integerOffsetHz = integerOffsetSubcarriers * candidate.SubcarrierSpacingKhz * 1e3;
        _search = new SsbTimeSearch(new SsbTimeSearchConfiguration
        {
            SampleRateHz = sampleRateHz,
            SubcarrierSpacingKhz = candidate.SubcarrierSpacingKhz,
            SsbFrequencyOffsetHz = candidate.FrequencyHz - centerFrequencyHz + _integerOffsetHz,
            SsbCenterFrequencyHz = candidate.FrequencyHz,
        });
        Timing = new OfdmTiming(Numerology.FromSubcarrierSpacingKhz(candidate.SubcarrierSpacingKhz), CyclicPrefix.Normal, _search.FftSize);
    }

    /// <summary>The candidate searched.</summary>
    public SsbCandidate Candidate { get; }

    /// <summary>The OFDM timing at the block's subcarrier spacing and the recording's sample rate.</summary>
    public OfdmTiming Timing { get; }

    /// <summary>The samples the block's four symbols span from the PSS useful part.</summary>
    public int BlockSampleCount => _search.BlockSampleCount;

    /// <summary>N_CP of the block's symbols.</summary>
    public int CyclicPrefixSamples => _search.Configuration.CyclicPrefixSamples;

    /// <summary>
    /// Searches <paramref name="window"/> (whose first sample is sample <paramref name="firstSampleIndex"/> of the recording)
    /// for the strongest PSS, then decodes SSS and PBCH. <paramref name="knownPci"/>, when given, must match.
    /// </summary>
    public SsbBlockDecode Decode(ReadOnlySpan<ComplexF32> window, long firstSampleIndex, int? knownPci)
    {
        if (window.Length < _search.BlockSampleCount)
        {
            return default;
        }

        SsbTimeSearchResult found = _search.Search(window, _grid);
        double offsetHz = _integerOffsetHz + found.ResidualFrequencyOffsetHz;
        long start = firstSampleIndex + found.PssUsefulPartStartSample;
        if (!found.Detected || (knownPci is int p && p % 3 != found.NId2))
        {
            return new SsbBlockDecode(false, start, -1, default, offsetHz, found.PssMetric);
        }

        CellIdentity cell = _cellDetector.Detect(_grid, 0, 0, 0);
        if (!cell.Detected || (knownPci is int q && q != cell.NIdCell))
        {
            return new SsbBlockDecode(false, start, cell.NIdCell, default, offsetHz, found.PssMetric);
        }

        PbchReceiveResult pbch = _pbch.Receive(_grid, 0, 0, 0, cell.NIdCell, Candidate.MaxBlockCount);
        return new SsbBlockDecode(true, start, cell.NIdCell, pbch, offsetHz, found.PssMetric);
    }

    /// <summary>
    /// The sample offset of the useful part of half-frame symbol <paramref name="symbolInHalfFrame"/> (at the block's
    /// subcarrier spacing) from the start of the half frame.
    /// </summary>
    public long UsefulPartOffsetInHalfFrame(int symbolInHalfFrame)
    {
        int perSubframe = Timing.SymbolsPerSubframe;
        return ((long)(symbolInHalfFrame / perSubframe) * Timing.SamplesPerSubframe) + Timing.UsefulPartOffset(symbolInHalfFrame % perSubframe);
    }
}
