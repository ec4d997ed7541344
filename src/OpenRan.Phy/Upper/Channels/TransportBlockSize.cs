using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>Transport block size determination (TS 38.214 §5.1.3.2, §6.1.4.2) and TBS_LBRM (TS 38.212 §5.4.2.1).</summary>
public static class TransportBlockSize
{
    /// <summary>The cap of 156 REs per PRB in N_RE (TS 38.214 §5.1.3.2 step 1).</summary>
    public const int MaxResourceElementsPerPrb = 156;

    /// <summary>The TBS for <paramref name="parameters"/> (validated here).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range (the message names it).</exception>
    public static int Compute(TransportBlockSizeParameters parameters)
    {
        ThrowHelper.ThrowIfOutside(parameters.PrbCount, 1, 275, "PrbCount");
        ThrowHelper.ThrowIfOutside(parameters.SymbolCount, 1, 14, "SymbolCount");
        ThrowHelper.ThrowIfOutside(parameters.DmrsResourceElementsPerPrb, 0, 12 * parameters.SymbolCount, "DmrsResourceElementsPerPrb");
        ThrowHelper.ThrowIfOutside(parameters.OverheadPerPrb, 0, 18, "OverheadPerPrb");
        if (parameters.ResourceElementsPerPrb <= 0)
        {
            ThrowHelper.ThrowArgument(nameof(parameters), $"N'_RE = 12·{parameters.SymbolCount} − {parameters.DmrsResourceElementsPerPrb} − {parameters.OverheadPerPrb} leaves no REs for data.");
        }

        return FromResourceElements(parameters.ResourceElementCount, parameters.TargetCodeRate, parameters.ModulationOrder, parameters.LayerCount, parameters.Scaling);
    }

    /// <summary>
    /// TBS from N_RE (steps 2–4 of TS 38.214 §5.1.3.2): N_info = S · N_RE · R · Q_m · υ; for N_info ≤ 3824 the smallest size of
    /// Table 5.1.3.2-1 not below N'_info = max(24, 2^n·⌊N_info/2^n⌋), n = max(3, ⌊log2 N_info⌋ − 6); above, with
    /// n = ⌊log2(N_info − 24)⌋ − 5 and N'_info = max(3840, 2^n·round((N_info − 24)/2^n)) (ties up),
    /// TBS = 8·C·⌈(N'_info + 24)/(8·C)⌉ − 24 with C = ⌈(N'_info + 24)/3816⌉ if R ≤ 1/4, C = ⌈(N'_info + 24)/8424⌉ if
    /// N'_info &gt; 8424, else C = 1.
    /// </summary>
    /// <param name="resourceElements">N_RE, ≥ 1.</param>
    /// <param name="targetCodeRate">R in (0, 1).</param>
    /// <param name="modulationOrder">Q_m: 1, 2, 4, 6, 8 or 10.</param>
    /// <param name="layerCount">υ: 1..4.</param>
    /// <param name="scaling">S: 1, 0.5 or 0.25.</param>
    public static int FromResourceElements(int resourceElements, double targetCodeRate, int modulationOrder, int layerCount, double scaling = 1)
    {
        ThrowHelper.ThrowIfOutside(resourceElements, 1, 275 * MaxResourceElementsPerPrb);
        if (!(targetCodeRate > 0 && targetCodeRate < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(targetCodeRate), targetCodeRate, "0 < R < 1");
        }

        if (modulationOrder is not (1 or 2 or 4 or 6 or 8 or 10))
        {
            ThrowHelper.ThrowOutOfRange(nameof(modulationOrder), modulationOrder, "1, 2, 4, 6, 8 or 10");
        }

        ThrowHelper.ThrowIfOutside(layerCount, 1, 4);
        if (scaling is not (1 or 0.5 or 0.25))
        {
            ThrowHelper.ThrowOutOfRange(nameof(scaling), scaling, "1, 0.5 or 0.25 (TS 38.214 Table 5.1.3.2-2)");
        }

        double nInfo = scaling * resourceElements * targetCodeRate * modulationOrder * layerCount;
        if (nInfo <= 3824)
        {
            int n = Math.Max(3, FloorLog2(nInfo) - 6);
            double step = Math.ScaleB(1.0, n);
            double quantized = Math.Max(24, step * Math.Floor(nInfo / step));
            foreach (short size in Ts38214Table5_1_3_2_1.Sizes)
            {
                if (size >= quantized)
                {
                    return size;
                }
            }

            return Ts38214Table5_1_3_2_1.Sizes[^1];
        }
        else
        {
            int n = FloorLog2(nInfo - 24) - 5;
            double step = Math.ScaleB(1.0, n);
            long quantized = (long)Math.Max(3840, step * Math.Floor(((nInfo - 24) / step) + 0.5));
            long c = targetCodeRate <= 0.25 ? CeilDiv(quantized + 24, 3816) : quantized > 8424 ? CeilDiv(quantized + 24, 8424) : 1;
            return (int)((8 * c * CeilDiv(quantized + 24, 8 * c)) - 24);
        }
    }

    /// <summary>
    /// TBS_LBRM (TS 38.212 §5.4.2.1): the TBS of TS 38.214 for the maximum layers and modulation order, R = 948/1024 and
    /// N_RE = 156 · n_PRB,LBRM.
    /// </summary>
    /// <param name="layerCount">Maximum layers of one transport block (DL: min(maxMIMO-Layers, 4); UL: maxMIMO-Layers or the UE maximum), 1..4.</param>
    /// <param name="modulationOrder">Maximum modulation order configured (6 for 64QAM tables, 8 with <c>qam256</c>, 10 with <c>qam1024</c>).</param>
    /// <param name="lbrmPrbCount">n_PRB,LBRM from <see cref="LimitedBufferPrbCount"/>.</param>
    public static int ForLimitedBufferRateMatching(int layerCount, int modulationOrder, int lbrmPrbCount) =>
        FromResourceElements(MaxResourceElementsPerPrb * lbrmPrbCount, 948.0 / 1024, modulationOrder, layerCount);

    /// <summary>n_PRB,LBRM (TS 38.212 Table 5.4.2.1-1) for the largest PRB count across the carrier's configured BWPs.</summary>
    public static int LimitedBufferPrbCount(int maxBwpPrbCount)
    {
        ThrowHelper.ThrowIfOutside(maxBwpPrbCount, 1, 275);
        ReadOnlySpan<short> bounds = Ts38212Table5_4_2_1_1.MaxPrbs;
        int row = 0;
        while (maxBwpPrbCount > bounds[row])
        {
            row++;
        }

        return Ts38212Table5_4_2_1_1.LbrmPrbs[row];
    }

    /// <summary>S for a TB scaling field (TS 38.214 Table 5.1.3.2-2): 0 → 1, 1 → 0.5, 2 → 0.25.</summary>
    public static double ScalingFactor(int tbScalingField)
    {
        ThrowHelper.ThrowIfOutside(tbScalingField, 0, 2);
        return tbScalingField switch
        {
            0 => 1,
            1 => 0.5,
            _ => 0.25,
        };
    }

    /// <summary>⌊log2 x⌋ for x ≥ 1, exact (the binary exponent of the double).</summary>
    private static int FloorLog2(double x) => Math.ILogB(x);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
