using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Common;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.Detection;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// PDCCH blind decoding (TS 38.213 §10.1): for each aggregation level and candidate of a search space (hashing function),
/// gathers the candidate's REs, estimates the channel per REG bundle from its DM-RS (least squares averaged over the bundle,
/// whose precoding is constant, TS 38.211 §7.3.2.2), tests the DM-RS for discontinuous transmission, computes QPSK LLRs,
/// descrambles (TS 38.211 §7.3.2.3) and decodes each DCI size for a set of RNTIs (CA-SCL polar decoding with
/// RNTI-unmasked CRC). One instance per worker; searching allocates nothing after the first use of each (DCI size,
/// aggregation level).
/// </summary>
/// <remarks>
/// Integrity: the candidate's REs that are not finite or larger than <see cref="ComplexErasure.DefaultMaxMagnitude"/> are
/// erased and counted, so no sample value makes the search throw. A candidate is decoded only when its DM-RS are detected:
/// the least-squares estimates grouped per REG bundle give C/E, which noise alone distributes as Beta(G, D) (G bundles,
/// D = N_DM-RS − G) whatever its level (<see cref="DtxDetector"/>), against the threshold for
/// <see cref="DtxFalseAlarmProbability"/> per candidate (default 1e-2). Behind it the RNTI-masked CRC24C (24 ones
/// prefixed, so the all-zero word never passes) bounds false DCIs to about L·(RNTIs)·2^−24 per decode.
/// </remarks>
public sealed class PdcchReceiver
{
    /// <summary>The default false-alarm probability of the DTX test per candidate (see the remarks).</summary>
    public const double DefaultDtxFalseAlarmProbability = 1e-2;

    private const int MaxCandidates = 5 * 8;
    private readonly DciCodec _dci;
    private readonly DtxDetector _dtx;
    private readonly PdcchResourceMap _map = new();
    private readonly PdcchDmrsSlotCache _dmrs = new();
    private readonly PseudoRandomSequence _sequence = new();
    private readonly ComplexF32[] _data = new ComplexF32[16 * 54];
    private readonly ComplexF32[] _channel = new ComplexF32[16 * 54];
    private readonly float[] _llrs = new float[16 * 108];
    private readonly float[] _scratchLlrs = new float[16 * 108];
    private readonly ComplexF32[] _dmrsReceived = new ComplexF32[275 * 3 * 3];
    private readonly ComplexF32[] _ls = new ComplexF32[275 * 3 * 3];
    private readonly ComplexF32[] _bundleSum = new ComplexF32[275 * 3];
    private readonly float[] _bundleEnergy = new float[275 * 3];
    private readonly int[] _bundleCount = new int[275 * 3];
    private readonly int[] _decodedCce = new int[MaxCandidates];
    private readonly int[] _decodedLevel = new int[MaxCandidates];

    /// <summary>Creates the receiver.</summary>
    /// <param name="listSize">The CA-SCL list size, 1..32 (default 8).</param>
    /// <param name="dtxFalseAlarmProbability">The probability that noise alone passes the DTX test of a candidate (1e-12..0.5).</param>
    public PdcchReceiver(int listSize = 8, double dtxFalseAlarmProbability = DefaultDtxFalseAlarmProbability)
    {
        _dci = new DciCodec(listSize);
        _dtx = new DtxDetector(dtxFalseAlarmProbability);
    }

    /// <summary>The probability that noise alone passes the DTX test of a candidate (and is decoded).</summary>
    public double DtxFalseAlarmProbability => _dtx.FalseAlarmProbability;

    /// <summary>
    /// A fixed threshold on <see cref="PdcchDetection.DmrsMetric"/> replacing the DTX test (0 decodes every candidate, for
    /// benchmarks); null (default) applies the DTX test at <see cref="DtxFalseAlarmProbability"/>.
    /// </summary>
    public float? DmrsMetricThreshold { get; set; }

    /// <summary>Number of polar decodes run by the last search.</summary>
    public int LastDecodeCount { get; private set; }

    /// <summary>Candidates of the last search whose DM-RS failed the DTX test (not decoded).</summary>
    public int LastDtxCount { get; private set; }

    /// <summary>Erased REs over the candidates examined by the last search (an RE in several candidates counts once per candidate).</summary>
    public int LastErasedResourceElements { get; private set; }

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
        LastDtxCount = 0;
        LastErasedResourceElements = 0;
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
                (DtxDecision dtx, float noise, int erased) = Equalize(grid, port, config.RegBundleSize);
                LastErasedResourceElements += erased;
                float metric = dtx.Metric;
                if (DmrsMetricThreshold is float fixedThreshold ? !(metric >= fixedThreshold) : !dtx.SignalPresent)
                {
                    LastDtxCount++;
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
                        detection.ErasedResourceElements = erased;
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
    /// Gathers the candidate's DM-RS and data REs (erasing non-finite and absurd ones) and the LS channel estimates averaged
    /// over each REG bundle (the precoding is constant within a bundle, TS 38.211 §7.3.2.2); returns the DTX decision on the
    /// bundles, the noise variance from the residuals and the number of erased REs.
    /// </summary>
    private (DtxDecision Dtx, float NoiseVariance, int Erased) Equalize(ResourceGrid grid, int port, int bundleSize)
    {
        ReadOnlySpan<int> symbols = _map.DmrsSymbols;
        ReadOnlySpan<int> subcarriers = _map.DmrsSubcarriers;
        ReadOnlySpan<int> indices = _map.DmrsSequenceIndices;
        ReadOnlySpan<int> regs = _map.DmrsRegs;
        int count = symbols.Length;
        Span<ComplexF32> received = _dmrsReceived.AsSpan(0, count);
        for (int i = 0; i < count; i++)
        {
            received[i] = grid[port, symbols[i], subcarriers[i]];
        }

        int erased = ComplexErasure.Erase(received);
        Span<ComplexF32> ls = _ls.AsSpan(0, count);
        for (int i = 0; i < count; i++)
        {
            ls[i] = ComplexF32.MultiplyConjugate(received[i], _dmrs.Value(symbols[i], indices[i]));
            int bundle = regs[i] / bundleSize;
            _bundleSum[bundle] = default;
            _bundleEnergy[bundle] = 0;
            _bundleCount[bundle] = 0;
        }

        // Erased DM-RS (0 after screening) are left out of the bundle means, the residual and the DTX groups.
        int observed = 0;
        for (int i = 0; i < count; i++)
        {
            if (ls[i].Re != 0 || ls[i].Im != 0)
            {
                int bundle = regs[i] / bundleSize;
                _bundleSum[bundle] += ls[i];
                _bundleEnergy[bundle] += ls[i].MagnitudeSquared;
                _bundleCount[bundle]++;
                observed++;
            }
        }

        float residual = 0, power = 0;
        for (int i = 0; i < count; i++)
        {
            int bundle = regs[i] / bundleSize;
            ComplexF32 mean = _bundleCount[bundle] > 0 ? _bundleSum[bundle] / _bundleCount[bundle] : default;
            residual += ls[i].Re != 0 || ls[i].Im != 0 ? (ls[i] - mean).MagnitudeSquared : 0f;
            power += mean.MagnitudeSquared;
        }

        // One DTX group per bundle (visited once: its count is then set to −1), whose sum becomes the bundle's channel
        // estimate. Each observed bundle's mean removes one complex degree of freedom: residual ≈ σ²·(observed − bundles).
        _dtx.Reset();
        int bundles = 0;
        for (int i = 0; i < count; i++)
        {
            int bundle = regs[i] / bundleSize;
            int n = _bundleCount[bundle];
            if (n >= 0)
            {
                bundles += n > 0 ? 1 : 0;
                _dtx.AddGroup(_bundleSum[bundle], _bundleEnergy[bundle], n);
                _bundleSum[bundle] = n > 0 ? _bundleSum[bundle] / n : default;
                _bundleCount[bundle] = -1;
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

        erased += ComplexErasure.Erase(_data.AsSpan(0, dataSymbols.Length));
        float noise = observed > bundles ? residual / (observed - bundles) : 1f;
        float floor = (1e-4f * (count > 0 ? power / count : 1f)) + 1e-12f;
        return (_dtx.Decide(), MathF.Max(noise, floor), erased);
    }
}
