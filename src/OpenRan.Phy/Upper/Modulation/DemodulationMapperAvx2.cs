using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// The AVX2 soft demapper for square QAM: four symbols (eight axis values) per vector, the piecewise-linear max-log
/// tables of <see cref="SoftDemapping"/> looked up with <c>vpermps</c> in their positive half, the int8 LLRs narrowed with
/// saturating packs and put in TS 38.211 §5.1 bit order by one in-lane byte shuffle (QPSK: the axis values times one
/// slope, 16 symbols per step). BPSK, π/2-BPSK and the tail fall back to the generic scalar code, which is also the
/// oracle this class is tested against (bit-exact: the same interval, the same float operations, no FMA).
/// </summary>
/// <remarks>
/// Quantization matches <see cref="LogLikelihoodRatio.Quantize(float, float)"/>: NaN products become 0, the rest is
/// clamped to ±120 and rounded half to even by <c>vcvtps2dq</c> under the default rounding mode.
/// </remarks>
public sealed class DemodulationMapperAvx2 : VectorDemodulationMapper
{
    /// <summary>The name of this implementation.</summary>
    public const string ImplementationName = "avx2";

    // Per scheme (indexed by ModulationScheme): the positive-half slope and intercept tables of every axis bit j as
    // vectors of 8 entries, [j·blocks + t/8] lane t%8 for interval 2^(m−1) + t; short tables repeat their last entry.
    private static readonly Vector256<float>[]?[] s_slopes = BuildVectors(slopes: true);
    private static readonly Vector256<float>[]?[] s_intercepts = BuildVectors(slopes: false);

    // Per bits per axis m (index 0 unused): the byte shuffle and doubleword compaction of SoftDemapping.PackedByteOrder.
    private static readonly Vector256<sbyte>[] s_byteOrders = [.. Enumerable.Range(0, 6).Select(m => Vector256.Create(SoftDemapping.PackedByteOrder(Math.Max(m, 1), 2)))];
    private static readonly Vector256<int>[] s_dwordOrders = [.. Enumerable.Range(0, 6).Select(m => Vector256.Create(SoftDemapping.PackedDwordOrder(Math.Max(m, 1), 2)))];

    /// <summary>Creates the demapper with the given quantization scale.</summary>
    /// <exception cref="PlatformNotSupportedException">The machine has no AVX2.</exception>
    public DemodulationMapperAvx2(float llrScale = DemodulationMapperFactory.DefaultLlrScale)
        : base(llrScale)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("DemodulationMapperAvx2 needs AVX2.");
        }
    }

    /// <summary>Whether this machine can run the implementation.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public override string Name => ImplementationName;

    /// <summary>QPSK, 16 symbols per step (32 LLRs, one store); returns the symbols processed.</summary>
    /// <remarks>QPSK's table is one line through 0 (<see cref="SoftDemapping.QpskSlope"/>): the LLRs are the axis values
    /// in input order times slope, times scale/σ².</remarks>
    protected override int DemodulateQpsk(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, float slope, Span<sbyte> llrs)
    {
        int count = symbols.Length & ~15;
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float nv = ref MemoryMarshal.GetReference(noiseVariances);
        ref sbyte dst = ref MemoryMarshal.GetReference(llrs);
        Vector256<float> slopes = Vector256.Create(slope);
        Vector256<float> scale = Vector256.Create(LlrScale);

        // After the packs, lane L holds dwords (v0[4L..4L+3], v1[…], v2[…], v3[…]); output dword d is LLRs 4d..4d+3
        // = v_{d/2}[4(d mod 2)..], at dword 4(d mod 2) + d/2.
        Vector256<int> order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        for (int i = 0; i < count; i += 16)
        {
            Vector256<float> factor0 = Factor(Vector256.LoadUnsafe(ref nv, (nuint)i), scale);
            Vector256<float> factor1 = Factor(Vector256.LoadUnsafe(ref nv, (nuint)(i + 8)), scale);
            Vector256<int> l0 = Quantize(Vector256.LoadUnsafe(ref x, (nuint)(2 * i)) * slopes, DuplicateLow(factor0));
            Vector256<int> l1 = Quantize(Vector256.LoadUnsafe(ref x, (nuint)((2 * i) + 8)) * slopes, DuplicateHigh(factor0));
            Vector256<int> l2 = Quantize(Vector256.LoadUnsafe(ref x, (nuint)((2 * i) + 16)) * slopes, DuplicateLow(factor1));
            Vector256<int> l3 = Quantize(Vector256.LoadUnsafe(ref x, (nuint)((2 * i) + 24)) * slopes, DuplicateHigh(factor1));
            Avx2.PermuteVar8x32(Pack(l0, l1, l2, l3).AsInt32(), order).AsSByte().StoreUnsafe(ref dst, (nuint)(2 * i));
        }

        return count;
    }

    /// <summary>16QAM … 1024QAM, 8 symbols per step; returns the symbols processed (a multiple of 8).</summary>
    protected override int DemodulateQam(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs)
    {
        QamAxisTable table = SoftDemapping.Table(scheme);
        int count = symbols.Length & ~7;
        int qm = 2 * table.BitsPerAxis;
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float nv = ref MemoryMarshal.GetReference(noiseVariances);
        ref sbyte dst = ref MemoryMarshal.GetReference(llrs);
        var kernel = new QamKernel(table, s_slopes[(int)scheme]!, s_intercepts[(int)scheme]!);
        Vector256<float> scale = Vector256.Create(LlrScale);
        for (int i = 0; i < count; i += 8)
        {
            Vector256<float> factor = Factor(Vector256.LoadUnsafe(ref nv, (nuint)i), scale);
            kernel.Demap(Vector256.LoadUnsafe(ref x, (nuint)(2 * i)), DuplicateLow(factor), ref Unsafe.Add(ref dst, i * qm));
            kernel.Demap(Vector256.LoadUnsafe(ref x, (nuint)((2 * i) + 8)), DuplicateHigh(factor), ref Unsafe.Add(ref dst, (i + 4) * qm));
        }

        return count;
    }

    /// <summary>scale/σ² per symbol; 0 where σ² is not a positive finite number (as <see cref="SoftDemapping.InverseNoise"/>:
    /// σ² ≤ 0 and NaN fail the comparison, 1/+∞ is 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Factor(Vector256<float> sigma2, Vector256<float> scale) =>
        (Vector256.GreaterThan(sigma2, Vector256<float>.Zero) & (Vector256<float>.One / sigma2)) * scale;

    /// <summary>Per-symbol values 0..3 duplicated onto the (re, im) lanes of their symbol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> DuplicateLow(Vector256<float> perSymbol) =>
        Avx2.PermuteVar8x32(perSymbol, Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3));

    /// <summary>Per-symbol values 4..7 duplicated onto the (re, im) lanes of their symbol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> DuplicateHigh(Vector256<float> perSymbol) =>
        Avx2.PermuteVar8x32(perSymbol, Vector256.Create(4, 4, 5, 5, 6, 6, 7, 7));

    /// <summary>
    /// round(llr·factor) clamped to ±120, NaN → 0: the scalar <see cref="LogLikelihoodRatio.Quantize(float, float)"/> of
    /// (llr, factor). NaN is cleared first, so the native min/max see only numbers; <c>vcvtps2dq</c> rounds half to even.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Quantize(Vector256<float> llr, Vector256<float> factor)
    {
        Vector256<float> product = llr * factor;
        product &= Vector256.Equals(product, product);
        product = Avx.Min(Avx.Max(product, Vector256.Create((float)-LogLikelihoodRatio.Max)), Vector256.Create((float)LogLikelihoodRatio.Max));
        return Avx.ConvertToVector256Int32(product);
    }

    /// <summary>Four int32 vectors (values in ±120) to bytes; 128-bit lane L holds (a[4L..4L+3], b[…], c[…], d[…]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<sbyte> Pack(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d) =>
        Avx2.PackSignedSaturate(Avx2.PackSignedSaturate(a, b), Avx2.PackSignedSaturate(c, d));

    private static Vector256<float>[]?[] BuildVectors(bool slopes)
    {
        var all = new Vector256<float>[]?[Enum.GetValues<ModulationScheme>().Length];
        foreach (ModulationScheme scheme in Enum.GetValues<ModulationScheme>())
        {
            if (scheme.BitsPerSymbol() < 2)
            {
                continue;
            }

            // Positive half of the table (intervals 2^(m−1) .. 2^m − 1), in blocks of 8, padded with the last entry.
            QamAxisTable table = SoftDemapping.Table(scheme);
            int half = table.IntervalCount / 2;
            int blocks = (half + 7) / 8;
            var vectors = new Vector256<float>[table.BitsPerAxis * blocks];
            var lanes = new float[8];
            for (int j = 0; j < table.BitsPerAxis; j++)
            {
                float[] source = slopes ? table.Slopes[j] : table.Intercepts[j];
                for (int b = 0; b < blocks; b++)
                {
                    for (int lane = 0; lane < 8; lane++)
                    {
                        lanes[lane] = source[half + Math.Min((8 * b) + lane, half - 1)];
                    }

                    vectors[(j * blocks) + b] = Vector256.Create(lanes);
                }
            }

            all[(int)scheme] = vectors;
        }

        return all;
    }

    /// <summary>The per-vector demapping of one QAM scheme: four symbols in, 4·Q_m LLR bytes out.</summary>
    private readonly struct QamKernel
    {
        private readonly Vector256<float>[] _slopes;
        private readonly Vector256<float>[] _intercepts;
        private readonly Vector256<float> _halfScale;
        private readonly Vector256<int> _lastHalfInterval;
        private readonly Vector256<sbyte> _byteOrder;
        private readonly Vector256<int> _dwordOrder;
        private readonly int _m;

        public QamKernel(QamAxisTable table, Vector256<float>[] slopes, Vector256<float>[] intercepts)
        {
            _slopes = slopes;
            _intercepts = intercepts;
            _m = table.BitsPerAxis;
            _halfScale = Vector256.Create(table.HalfScale);
            _lastHalfInterval = Vector256.Create((table.IntervalCount / 2) - 1);
            _byteOrder = s_byteOrders[_m];
            _dwordOrder = s_dwordOrders[_m];
        }

        /// <summary>
        /// Demaps the 4 symbols of <paramref name="values"/> (re, im interleaved) with per-lane factor scale/σ² and
        /// writes their 4·Q_m LLRs to <paramref name="destination"/>.
        /// </summary>
        /// <remarks>
        /// Gray symmetry halves the tables: the sign bit's LLR is odd in x and the others are even, so the line of the
        /// scalar interval t is looked up at its mirror 2^m − 1 − t in the positive half when x &lt; 0 and evaluated at
        /// |x| (the sign bit's value then takes the sign of x); float negation is exact, so this equals the scalar line.
        /// With f = ⌊x·norm/2⌋ the positive-half index is f for f ≥ 0 and −1 − f = ~f for f &lt; 0, then clamped to
        /// 2^(m−1) − 1 (NaN and ±∞ convert to int.MinValue, whose ~ is int.MaxValue: the outer interval).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Demap(Vector256<float> values, Vector256<float> factor, ref sbyte destination)
        {
            Vector256<int> floor = Avx.ConvertToVector256Int32WithTruncation(Vector256.Floor(values * _halfScale));
            Vector256<int> index = Avx2.Min(floor ^ (floor >> 31), _lastHalfInterval);
            Vector256<float> signBit = Vector256.Create(-0f);
            Vector256<float> magnitude = Vector256.AndNot(values, signBit);
            Vector256<float> sign = values & signBit;
            Vector256<int> b0 = Bit(0, magnitude, sign, index, factor);
            Vector256<int> b1 = _m > 1 ? Bit(1, magnitude, sign, index, factor) : Vector256<int>.Zero;
            Vector256<int> b2 = _m > 2 ? Bit(2, magnitude, sign, index, factor) : Vector256<int>.Zero;
            Vector256<int> b3 = _m > 3 ? Bit(3, magnitude, sign, index, factor) : Vector256<int>.Zero;
            Vector256<sbyte> ordered = Avx2.Shuffle(Pack(b0, b1, b2, b3), _byteOrder);
            ref byte target = ref Unsafe.As<sbyte, byte>(ref destination);
            switch (_m)
            {
                case 2:
                    // 4 bytes per symbol: the lanes' 8 used bytes compacted into 16.
                    Avx2.PermuteVar8x32(ordered.AsInt32(), _dwordOrder).GetLower().AsByte().StoreUnsafe(ref target);
                    break;
                case 3:
                {
                    // 6 bytes per symbol: 12 used bytes per lane compacted into 24.
                    Vector256<byte> packed = Avx2.PermuteVar8x32(ordered.AsInt32(), _dwordOrder).AsByte();
                    packed.GetLower().StoreUnsafe(ref target);
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 16), packed.AsUInt64().GetElement(2));
                    break;
                }

                case 4:
                    // 8 bytes per symbol: already in order.
                    ordered.AsByte().StoreUnsafe(ref target);
                    break;
                default:
                {
                    // 1024QAM, 10 bytes per symbol: bits 0..3 as for 256QAM (8 bytes per symbol in order), bit 4 from
                    // its own packs (lane L: symbol 2L's pair at word 8L, symbol 2L + 1's at 8L + 1).
                    Vector256<int> b4 = Bit(4, magnitude, sign, index, factor);
                    Vector256<ushort> pairs = Pack(b4, b4, b4, b4).AsUInt16();
                    Vector256<ulong> heads = ordered.AsUInt64();
                    for (int s = 0; s < 4; s++)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 10 * s), heads.GetElement(s));
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, (10 * s) + 8), pairs.GetElement((8 * (s / 2)) + (s % 2)));
                    }

                    break;
                }
            }
        }

        /// <summary>Quantized LLRs of axis bit j: (slope·|x| + intercept), sign of x on bit 0, times factor.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<int> Bit(int j, Vector256<float> magnitude, Vector256<float> sign, Vector256<int> index, Vector256<float> factor)
        {
            // vpermps uses the low 3 bits of each index; with 16 half intervals (1024QAM) bit 3 selects the block.
            int block = _m > 4 ? 2 * j : j;
            Vector256<float> slope = Avx2.PermuteVar8x32(_slopes[block], index);
            Vector256<float> intercept = Avx2.PermuteVar8x32(_intercepts[block], index);
            if (_m > 4)
            {
                Vector256<float> upper = Vector256.GreaterThan(index, Vector256.Create(7)).AsSingle();
                slope = Vector256.ConditionalSelect(upper, Avx2.PermuteVar8x32(_slopes[block + 1], index), slope);
                intercept = Vector256.ConditionalSelect(upper, Avx2.PermuteVar8x32(_intercepts[block + 1], index), intercept);
            }

            Vector256<float> llr = (slope * magnitude) + intercept;
            if (j == 0)
            {
                llr ^= sign;
            }

            return Quantize(llr, factor);
        }
    }
}
