using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Common;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>What to search in one slot.</summary>
/// <param name="Slot">n_s,f^μ, the slot number within the frame.</param>
/// <param name="Coreset">The CORESET.</param>
/// <param name="SearchSpace">The search-space set (its first symbol, candidates per level, type).</param>
/// <param name="HashingRnti">n_RNTI of the hashing function (the C-RNTI for a UE-specific search space; ignored for common).</param>
/// <param name="ScramblingRnti">n_RNTI of the PDCCH data scrambling (C-RNTI in a UE-specific space with pdcch-DMRS-ScramblingID, else 0).</param>
/// <param name="NIdCell">N_ID^cell (DM-RS and scrambling identity when the CORESET has no pdcch-DMRS-ScramblingID).</param>
public sealed record PdcchSearchRequest(int Slot, Coreset Coreset, SearchSpaceConfiguration SearchSpace, int HashingRnti, int ScramblingRnti, int NIdCell);

/// <summary>One DCI found by the blind search. Instances are reused: the payload buffer is allocated once.</summary>
public sealed class PdcchDetection
{
    /// <summary>The DCI payload bits (first <see cref="PayloadSize"/> are valid).</summary>
    public byte[] Payload { get; } = new byte[140];

    /// <summary>The payload size A (after zero padding to 12).</summary>
    public int PayloadSize { get; internal set; }

    /// <summary>The RNTI that unmasked the CRC.</summary>
    public int Rnti { get; internal set; }

    /// <summary>The aggregation level L.</summary>
    public int AggregationLevel { get; internal set; }

    /// <summary>The first CCE of the candidate.</summary>
    public int FirstCce { get; internal set; }

    /// <summary>The candidate index m at its aggregation level.</summary>
    public int Candidate { get; internal set; }

    /// <summary>Normalized DM-RS correlation of the candidate, 0..1.</summary>
    public float DmrsMetric { get; internal set; }

    /// <summary>The estimated noise variance per RE.</summary>
    public float NoiseVariance { get; internal set; }

    /// <summary>The polar decoder path metric of the detected DCI (0 = every decision agreed with its LLR).</summary>
    public float PathMetric { get; internal set; }
}

/// <summary>
/// PDCCH blind decoding (TS 38.213 §10.1): for each aggregation level and candidate of a search space (hashing function),
/// gathers the candidate's REs, estimates the channel per REG from its DM-RS (least squares averaged over the three
/// DM-RS of the REG), computes QPSK LLRs, descrambles (TS 38.211 §7.3.2.3) and decodes each DCI size for a set of RNTIs
/// (CA-SCL polar decoding with RNTI-unmasked CRC). Candidates whose DM-RS correlation is below
/// <see cref="DmrsMetricThreshold"/> are skipped. One instance per worker; searching allocates nothing after the first
/// use of each (DCI size, aggregation level).
/// </summary>
public sealed class PdcchReceiver
{
    private const int MaxCandidates = 5 * 8;
    private readonly DciCodec _dci;
    private readonly PdcchResourceMap _map = new();
    private readonly PdcchDmrsSlotCache _dmrs = new();
    private readonly PseudoRandomSequence _sequence = new();
    private readonly ComplexF32[] _data = new ComplexF32[16 * 54];
    private readonly ComplexF32[] _channel = new ComplexF32[16 * 54];
    private readonly float[] _llrs = new float[16 * 108];
    private readonly float[] _scratchLlrs = new float[16 * 108];
    private readonly ComplexF32[] _ls = new ComplexF32[275 * 3 * 3];
    private readonly ComplexF32[] _bundleSum = new ComplexF32[275 * 3];
    private readonly int[] _bundleCount = new int[275 * 3];
    private readonly int[] _decodedCce = new int[MaxCandidates];
    private readonly int[] _decodedLevel = new int[MaxCandidates];

    /// <summary>Creates the receiver with decoder list size <paramref name="listSize"/> (default 8).</summary>
    public PdcchReceiver(int listSize = 8) => _dci = new DciCodec(listSize);

    /// <summary>Candidates with a normalized DM-RS correlation below this are not decoded (0..1; default 0.4, noise alone gives about 1/3).</summary>
    public float DmrsMetricThreshold { get; set; } = 0.4f;

    /// <summary>Number of polar decodes run by the last search.</summary>
    public int LastDecodeCount { get; private set; }

    /// <summary>
    /// Searches every candidate of the search space in the slot grid; writes up to <paramref name="results"/>.Length
    /// detections and returns their count.
    /// </summary>
    /// <param name="grid">The received slot grid (14 symbols).</param>
    /// <param name="port">Receive port.</param>
    /// <param name="request">Slot, CORESET, search space and identities.</param>
    /// <param name="payloadSizes">The DCI sizes to try (for example the aligned 0_0/1_0 size).</param>
    /// <param name="rntis">The RNTIs to accept.</param>
    /// <param name="rntiCount">How many of <paramref name="rntis"/> are valid.</param>
    /// <param name="results">Preallocated detections.</param>
    public int Search(ResourceGrid grid, int port, PdcchSearchRequest request, ReadOnlySpan<int> payloadSizes, ushort[] rntis, int rntiCount, Span<PdcchDetection> results)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rntis);
        Coreset coreset = request.Coreset;
        CoresetConfiguration config = coreset.Configuration;
        SearchSpaceConfiguration space = request.SearchSpace;
        int nId = config.DmrsScramblingId ?? request.NIdCell;
        int lastRb = coreset.Rbs[^1];
        int maxReferenceRb = config.DmrsReferenceIsCoresetStart ? lastRb - coreset.Rbs[0] : config.FirstRb + lastRb;
        _dmrs.Prepare(request.Slot, space.FirstSymbol, config.Duration, nId, maxReferenceRb + 1);
        int y = PdcchCandidates.HashingY(space.Common, config.Id, request.HashingRnti, request.Slot);
        int found = 0;
        int decodedCandidates = 0;
        LastDecodeCount = 0;
        ReadOnlySpan<int> levels = SearchSpaceConfiguration.AggregationLevels;
        for (int levelIndex = 0; levelIndex < levels.Length; levelIndex++)
        {
            int level = levels[levelIndex];
            int count = space.CandidateCounts[levelIndex];
            if (count == 0 || level > coreset.CceCount)
            {
                continue;
            }

            for (int m = 0; m < count; m++)
            {
                int firstCce = PdcchCandidates.FirstCce(y, m, count, level, coreset.CceCount);
                if (AlreadyTried(firstCce, level, decodedCandidates) || decodedCandidates == MaxCandidates)
                {
                    continue;
                }

                _decodedCce[decodedCandidates] = firstCce;
                _decodedLevel[decodedCandidates++] = level;
                _map.Fill(coreset, space.FirstSymbol, firstCce, level, grid.NStartGrid);
                (float metric, float noise) = Equalize(grid, port, config.RegBundleSize);
                if (metric < DmrsMetricThreshold)
                {
                    continue;
                }

                int e = 2 * _map.DataCount;
                Span<float> llrs = _llrs.AsSpan(0, e);
                QpskLlr.Demap(_data.AsSpan(0, _map.DataCount), _channel.AsSpan(0, _map.DataCount), noise, llrs);
                _sequence.Initialize((uint)(((long)request.ScramblingRnti << 16) + nId) & 0x7FFF_FFFFu);
                QpskLlr.Descramble(_sequence, llrs);
                foreach (int size in payloadSizes)
                {
                    if (found >= results.Length)
                    {
                        return found;
                    }

                    PdcchDetection detection = results[found];
                    int a = Math.Max(size, DciCodec.MinPayload);
                    Span<float> work = _scratchLlrs.AsSpan(0, e);
                    llrs.CopyTo(work);
                    LastDecodeCount++;
                    (int rnti, PolarDecodeResult result) = _dci.Decode(work, size, rntis, rntiCount, detection.Payload.AsSpan(0, a));
                    if (rnti >= 0)
                    {
                        detection.PayloadSize = a;
                        detection.Rnti = rnti;
                        detection.AggregationLevel = level;
                        detection.FirstCce = firstCce;
                        detection.Candidate = m;
                        detection.DmrsMetric = metric;
                        detection.NoiseVariance = noise;
                        detection.PathMetric = result.PathMetric;
                        found++;
                        break;
                    }
                }
            }
        }

        return found;
    }

    private bool AlreadyTried(int firstCce, int level, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (_decodedCce[i] == firstCce && _decodedLevel[i] == level)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gathers the data REs and LS channel estimates averaged over each REG bundle (the precoding is constant within a
    /// bundle, TS 38.211 §7.3.2.2); returns the DM-RS metric (per-REG coherent energy over total energy) and the noise
    /// variance from the residuals.
    /// </summary>
    private (float Metric, float NoiseVariance) Equalize(ResourceGrid grid, int port, int bundleSize)
    {
        ReadOnlySpan<int> symbols = _map.DmrsSymbols;
        ReadOnlySpan<int> subcarriers = _map.DmrsSubcarriers;
        ReadOnlySpan<int> indices = _map.DmrsSequenceIndices;
        ReadOnlySpan<int> regs = _map.DmrsRegs;
        int count = symbols.Length;
        Span<ComplexF32> ls = _ls.AsSpan(0, count);
        float energy = 0, coherent = 0;
        for (int i = 0; i < count; i++)
        {
            ComplexF32 y = grid[port, symbols[i], subcarriers[i]];
            energy += y.MagnitudeSquared;
            ls[i] = ComplexF32.MultiplyConjugate(y, _dmrs.Value(symbols[i], indices[i]));
            _bundleSum[regs[i] / bundleSize] = default;
            _bundleCount[regs[i] / bundleSize] = 0;
        }

        for (int g = 0; g < count; g += PdcchResourceMap.DmrsPerReg)
        {
            coherent += (ls[g] + ls[g + 1] + ls[g + 2]).MagnitudeSquared;
        }

        for (int i = 0; i < count; i++)
        {
            int bundle = regs[i] / bundleSize;
            _bundleSum[bundle] += ls[i];
            _bundleCount[bundle]++;
        }

        float residual = 0, power = 0;
        int degrees = 0;
        for (int i = 0; i < count; i++)
        {
            int bundle = regs[i] / bundleSize;
            ComplexF32 mean = _bundleSum[bundle] / _bundleCount[bundle];
            residual += (ls[i] - mean).MagnitudeSquared;
            power += mean.MagnitudeSquared;
            degrees++;
        }

        // Each bundle's mean removes one complex degree of freedom: residual ≈ σ²·(count − bundles).
        int bundles = 0;
        for (int i = 0; i < count; i++)
        {
            int bundle = regs[i] / bundleSize;
            if (_bundleCount[bundle] > 0)
            {
                bundles++;
                _bundleSum[bundle] /= _bundleCount[bundle];
                _bundleCount[bundle] = -_bundleCount[bundle];
            }
        }

        ReadOnlySpan<int> dataSymbols = _map.DataSymbols;
        ReadOnlySpan<int> dataSubcarriers = _map.DataSubcarriers;
        ReadOnlySpan<int> dataRegs = _map.DataRegs;
        for (int i = 0; i < dataSymbols.Length; i++)
        {
            _data[i] = grid[port, dataSymbols[i], dataSubcarriers[i]];
            _channel[i] = _bundleSum[dataRegs[i] / bundleSize];
        }

        float metric = energy > 0 ? coherent / (energy * PdcchResourceMap.DmrsPerReg) : 0f;
        float noise = degrees > bundles ? residual / (degrees - bundles) : 1f;
        float floor = (1e-4f * (degrees > 0 ? power / degrees : 1f)) + 1e-12f;
        return (metric, MathF.Max(noise, floor));
    }

}
