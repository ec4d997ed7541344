using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Detection;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// Frequency-domain cell identity detection on a located SS/PBCH block (TS 38.211 §7.4.2): N_ID^(2) by correlating the PSS
/// subcarriers with the 3 PSS sequences, then N_ID^(1) by correlating the SSS subcarriers, equalized with the PSS channel
/// estimate, with the 336 SSS sequences of that N_ID^(2). Sequences are generated once; detection allocates nothing.
/// </summary>
/// <remarks>
/// Integrity: REs that are not finite or larger than <see cref="ComplexErasure.DefaultMaxMagnitude"/> are erased and counted.
/// The PSS is tested for discontinuous transmission: its 127 products y·d_PSS in blocks of 16 subcarriers (the coherence
/// assumption of the correlation) give C/E, Beta(8, 119) under noise alone whatever its level (<see cref="DtxDetector"/>),
/// against the threshold that holds the best of the 3 N_ID^(2) hypotheses at <see cref="DtxFalseAlarmProbability"/>
/// (default 1e-3, union bound).
/// </remarks>
public sealed class CellIdentityDetector
{
    /// <summary>The default false-alarm probability of the PSS DTX test per block.</summary>
    public const double DefaultDtxFalseAlarmProbability = 1e-3;

    private const int Length = SynchronizationSignals.Length;
    private const int CorrelationBlock = 16;
    private readonly float[] _pss = new float[3 * Length];
    private readonly float[] _sss = new float[1008 * Length];
    private readonly ComplexF32[] _pssReceived = new ComplexF32[Length];
    private readonly ComplexF32[] _sssReceived = new ComplexF32[Length];
    private readonly DtxDetector _dtx;

    /// <summary>Generates the 3 PSS and 1008 SSS sequences.</summary>
    /// <param name="dtxFalseAlarmProbability">The probability that noise alone passes the PSS DTX test, per block (1e-12..0.5).</param>
    public CellIdentityDetector(double dtxFalseAlarmProbability = DefaultDtxFalseAlarmProbability)
    {
        if (!(dtxFalseAlarmProbability >= 1e-12 && dtxFalseAlarmProbability <= 0.5))
        {
            ThrowHelper.ThrowOutOfRange(nameof(dtxFalseAlarmProbability), dtxFalseAlarmProbability, "1e-12..0.5");
        }

        DtxFalseAlarmProbability = dtxFalseAlarmProbability;
        _dtx = new DtxDetector(dtxFalseAlarmProbability / 3);
        for (int n = 0; n < 3; n++)
        {
            SynchronizationSignals.Pss(n, _pss.AsSpan(n * Length, Length));
        }

        for (int cell = 0; cell < 1008; cell++)
        {
            SynchronizationSignals.Sss(cell, _sss.AsSpan(cell * Length, Length));
        }
    }

    /// <summary>The probability that noise alone passes the PSS DTX test (per block, over the best of the 3 N_ID^(2)).</summary>
    public double DtxFalseAlarmProbability { get; }

    /// <summary>Detects N_ID^cell from the block whose first symbol and subcarrier 0 are given.</summary>
    public CellIdentity Detect(ResourceGrid grid, int port, int firstSymbol, int firstSubcarrier)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfOutside(firstSymbol, 0, grid.SymbolCount - SsbResourceMap.SymbolCount);
        ThrowHelper.ThrowIfOutside(firstSubcarrier, 0, grid.SubcarrierCount - SsbResourceMap.SubcarrierCount);
        grid.Symbol(port, firstSymbol).Slice(firstSubcarrier + SsbResourceMap.SyncFirstSubcarrier, Length).CopyTo(_pssReceived);
        grid.Symbol(port, firstSymbol + 2).Slice(firstSubcarrier + SsbResourceMap.SyncFirstSubcarrier, Length).CopyTo(_sssReceived);
        int erased = ComplexErasure.Erase(_pssReceived) + ComplexErasure.Erase(_sssReceived);
        float pssEnergy = ComplexKernels.SumOfMagnitudesSquared(_pssReceived);
        float sssEnergy = ComplexKernels.SumOfMagnitudesSquared(_sssReceived);

        // PSS: coherent correlation in blocks of 16 subcarriers (robust to a residual delay), energy-normalized.
        int bestId2 = 0;
        float bestPss = -1;
        for (int id2 = 0; id2 < 3; id2++)
        {
            float metric = BlockCorrelation(_pssReceived, _pss.AsSpan(id2 * Length, Length));
            if (metric > bestPss)
            {
                bestPss = metric;
                bestId2 = id2;
            }
        }

        // DTX test on the chosen PSS: its products y·d grouped as in the correlation.
        ReadOnlySpan<float> pss = _pss.AsSpan(bestId2 * Length, Length);
        _dtx.Reset();
        for (int start = 0; start < Length; start += CorrelationBlock)
        {
            // Erased REs (0 after screening) are left out of the group.
            ComplexF32 sum = default;
            float energy = 0;
            int observed = 0;
            int end = Math.Min(start + CorrelationBlock, Length);
            for (int n = start; n < end; n++)
            {
                ComplexF32 y = _pssReceived[n];
                sum += y * pss[n];
                energy += y.MagnitudeSquared;
                observed += y.Re != 0 || y.Im != 0 ? 1 : 0;
            }

            _dtx.AddGroup(sum, energy, observed);
        }

        bool detected = _dtx.Decide().SignalPresent;

        // Equalize the SSS with the PSS channel (y_SSS · conj(y_PSS · d_PSS)), then correlate with each SSS of that N_ID^(2).
        for (int n = 0; n < Length; n++)
        {
            _sssReceived[n] = ComplexF32.MultiplyConjugate(_sssReceived[n], _pssReceived[n] * pss[n]);
        }

        int bestCell = bestId2;
        float bestSss = float.NegativeInfinity;
        for (int id1 = 0; id1 < 336; id1++)
        {
            int cell = (3 * id1) + bestId2;
            ReadOnlySpan<float> sss = _sss.AsSpan(cell * Length, Length);
            float re = 0;
            for (int n = 0; n < Length; n++)
            {
                re += _sssReceived[n].Re * sss[n];
            }

            if (re > bestSss)
            {
                bestSss = re;
                bestCell = cell;
            }
        }

        float pssMetric = pssEnergy > 0 ? bestPss / (pssEnergy * Length) : 0f;
        float sssMetric = pssEnergy > 0 && sssEnergy > 0 ? Math.Clamp(bestSss / MathF.Sqrt(pssEnergy * sssEnergy), 0f, 1f) : 0f;
        return new CellIdentity(bestCell, pssMetric, sssMetric, detected, erased);
    }

    private static float BlockCorrelation(ReadOnlySpan<ComplexF32> received, ReadOnlySpan<float> sequence)
    {
        const int block = CorrelationBlock;
        float metric = 0;
        for (int start = 0; start < received.Length; start += block)
        {
            ComplexF32 sum = default;
            int end = Math.Min(start + block, received.Length);
            for (int n = start; n < end; n++)
            {
                sum += received[n] * sequence[n];
            }

            metric += sum.MagnitudeSquared * ((float)Length / (end - start));
        }

        return metric;
    }
}
