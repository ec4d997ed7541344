using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The physical cell identity found in an SS/PBCH block.</summary>
/// <param name="NIdCell">N_ID^cell = 3·N_ID^(1) + N_ID^(2).</param>
/// <param name="PssMetric">Normalized PSS correlation of the chosen N_ID^(2), 0..1.</param>
/// <param name="SssMetric">Normalized SSS correlation of the chosen N_ID^(1), 0..1.</param>
public readonly record struct CellIdentity(int NIdCell, float PssMetric, float SssMetric);

/// <summary>
/// Frequency-domain cell identity detection on a located SS/PBCH block (TS 38.211 §7.4.2): N_ID^(2) by correlating the PSS
/// subcarriers with the 3 PSS sequences, then N_ID^(1) by correlating the SSS subcarriers, equalized with the PSS channel
/// estimate, with the 336 SSS sequences of that N_ID^(2). Sequences are generated once; detection allocates nothing.
/// </summary>
public sealed class CellIdentityDetector
{
    private const int Length = SynchronizationSignals.Length;
    private readonly float[] _pss = new float[3 * Length];
    private readonly float[] _sss = new float[1008 * Length];
    private readonly ComplexF32[] _pssReceived = new ComplexF32[Length];
    private readonly ComplexF32[] _sssReceived = new ComplexF32[Length];

    /// <summary>Generates the 3 PSS and 1008 SSS sequences.</summary>
    public CellIdentityDetector()
    {
        for (int n = 0; n < 3; n++)
        {
            SynchronizationSignals.Pss(n, _pss.AsSpan(n * Length, Length));
        }

        for (int cell = 0; cell < 1008; cell++)
        {
            SynchronizationSignals.Sss(cell, _sss.AsSpan(cell * Length, Length));
        }
    }

    /// <summary>Detects N_ID^cell from the block whose first symbol and subcarrier 0 are given.</summary>
    public CellIdentity Detect(ResourceGrid grid, int port, int firstSymbol, int firstSubcarrier)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfOutside(firstSymbol, 0, grid.SymbolCount - SsbResourceMap.SymbolCount);
        ThrowHelper.ThrowIfOutside(firstSubcarrier, 0, grid.SubcarrierCount - SsbResourceMap.SubcarrierCount);
        grid.Symbol(port, firstSymbol).Slice(firstSubcarrier + SsbResourceMap.SyncFirstSubcarrier, Length).CopyTo(_pssReceived);
        grid.Symbol(port, firstSymbol + 2).Slice(firstSubcarrier + SsbResourceMap.SyncFirstSubcarrier, Length).CopyTo(_sssReceived);
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

        // Equalize the SSS with the PSS channel (y_SSS · conj(y_PSS · d_PSS)), then correlate with each SSS of that N_ID^(2).
        ReadOnlySpan<float> pss = _pss.AsSpan(bestId2 * Length, Length);
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
        return new CellIdentity(bestCell, pssMetric, sssMetric);
    }

    private static float BlockCorrelation(ReadOnlySpan<ComplexF32> received, ReadOnlySpan<float> sequence)
    {
        const int block = 16;
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
