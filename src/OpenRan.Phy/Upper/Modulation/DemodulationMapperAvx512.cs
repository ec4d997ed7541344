using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;
using OpenRan.Dsp.Implementations;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// The AVX-512 soft demapper for square QAM: eight symbols (sixteen axis values) per vector, the whole piecewise-linear
/// max-log table of <see cref="SoftDemapping"/> looked up with one <c>vpermps</c> (<c>vpermt2ps</c> for the 32 intervals
/// of 1024QAM), and the int8 LLRs narrowed with saturating packs and put in TS 38.211 §5.1 bit order by one in-lane byte
/// shuffle. BPSK, π/2-BPSK and the tail fall back to the generic scalar code, which is also the oracle this class is
/// tested against (bit-exact: the same table index, the same float operations in the same order, no FMA).
/// </summary>
/// <remarks>
/// Quantization matches <see cref="LogLikelihoodRatio.Quantize(float, float)"/>: NaN products become 0, the rest is
/// clamped to ±120 and rounded half to even by <c>vcvtps2dq</c> under the default rounding mode (what
/// <see cref="MathF.Round(float)"/> does).
/// </remarks>
public sealed class DemodulationMapperAvx512 : VectorDemodulationMapper
{
    /// <summary>The name of this implementation.</summary>
    public const string ImplementationName = ImplementationNames.Avx512;

    // Per scheme (indexed by ModulationScheme): the full slope and intercept tables of every axis bit j, 16 entries
    // per vector (2^m ≤ 16 padded with the last entry; 1024QAM's 32 intervals in two vectors [2j], [2j + 1]).
    private static readonly Vector512<float>[]?[] s_slopes = BuildTables(slopes: true);
    private static readonly Vector512<float>[]?[] s_intercepts = BuildTables(slopes: false);

    // Per bits per axis m (index 0 unused): the byte shuffle and doubleword compaction of SoftDemapping.PackedByteOrder.
    private static readonly Vector512<sbyte>[] s_byteOrders = [.. Enumerable.Range(0, 6).Select(m => Vector512.Create(SoftDemapping.PackedByteOrder(Math.Max(m, 1), 4)))];
    private static readonly Vector512<int>[] s_dwordOrders = [.. Enumerable.Range(0, 6).Select(m => Vector512.Create(SoftDemapping.PackedDwordOrder(Math.Max(m, 1), 4)))];

    /// <summary>Creates the demapper with the given quantization scale.</summary>
    /// <exception cref="PlatformNotSupportedException">The machine has no AVX-512F/BW/VL.</exception>
    public DemodulationMapperAvx512(float llrScale = DemodulationMapperFactory.DefaultLlrScale)
        : base(llrScale)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("DemodulationMapperAvx512 needs AVX-512F/BW/VL.");
        }
    }

    /// <summary>Whether this machine (and the JIT knobs in force) can run the implementation.</summary>
    public static bool IsSupported => Avx512F.IsSupported && Avx512BW.IsSupported && Avx512F.VL.IsSupported && Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public override string Name => ImplementationName;

    /// <summary>QPSK, 32 symbols per step (64 LLRs, one store); returns the symbols processed.</summary>
    /// <remarks>QPSK's table is one line through 0 (<see cref="SoftDemapping.QpskSlope"/>): L·σ² = slope·x, so the
    /// LLRs are the axis values in input order times slope, times scale/σ².</remarks>
    protected override int DemodulateQpsk(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, float slope, Span<sbyte> llrs)
    {
        int count = symbols.Length & ~31;
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float nv = ref MemoryMarshal.GetReference(noiseVariances);
        ref sbyte dst = ref MemoryMarshal.GetReference(llrs);
        Vector512<float> slopes = Vector512.Create(slope);
        Vector512<float> scale = Vector512.Create(LlrScale);

        // After the packs, 128-bit lane L holds dwords (v0[4L..4L+3], v1[…], v2[…], v3[…]); output dword d is
        // LLRs 4d..4d+3 = v_{d/4}[4(d mod 4)..], at dword 4(d mod 4) + d/4.
        Vector512<int> order = Vector512.Create(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
        for (int i = 0; i < count; i += 32)
        {
            Vector512<float> factor0 = Factor(Vector512.LoadUnsafe(ref nv, (nuint)i), scale);
            Vector512<float> factor1 = Factor(Vector512.LoadUnsafe(ref nv, (nuint)(i + 16)), scale);
            Vector512<int> l0 = Quantize(Vector512.LoadUnsafe(ref x, (nuint)(2 * i)) * slopes, DuplicateLow(factor0));
            Vector512<int> l1 = Quantize(Vector512.LoadUnsafe(ref x, (nuint)((2 * i) + 16)) * slopes, DuplicateHigh(factor0));
            Vector512<int> l2 = Quantize(Vector512.LoadUnsafe(ref x, (nuint)((2 * i) + 32)) * slopes, DuplicateLow(factor1));
            Vector512<int> l3 = Quantize(Vector512.LoadUnsafe(ref x, (nuint)((2 * i) + 48)) * slopes, DuplicateHigh(factor1));
            Avx512F.PermuteVar16x32(Pack(l0, l1, l2, l3).AsInt32(), order).AsSByte().StoreUnsafe(ref dst, (nuint)(2 * i));
        }

        return count;
    }

    /// <summary>16QAM … 1024QAM, 16 symbols per step; returns the symbols processed (a multiple of 16).</summary>
    protected override int DemodulateQam(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs)
    {
        QamAxisTable table = SoftDemapping.Table(scheme);
        int count = symbols.Length & ~15;
        int qm = 2 * table.BitsPerAxis;
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float nv = ref MemoryMarshal.GetReference(noiseVariances);
        ref sbyte dst = ref MemoryMarshal.GetReference(llrs);
        var kernel = new QamKernel(table, s_slopes[(int)scheme]!, s_intercepts[(int)scheme]!);
        Vector512<float> scale = Vector512.Create(LlrScale);
        for (int i = 0; i < count; i += 16)
        {
            Vector512<float> factor = Factor(Vector512.LoadUnsafe(ref nv, (nuint)i), scale);
            kernel.Demap(Vector512.LoadUnsafe(ref x, (nuint)(2 * i)), DuplicateLow(factor), ref Unsafe.Add(ref dst, i * qm));
            kernel.Demap(Vector512.LoadUnsafe(ref x, (nuint)((2 * i) + 16)), DuplicateHigh(factor), ref Unsafe.Add(ref dst, (i + 8) * qm));
        }

        return count;
    }

    /// <summary>scale/σ² per symbol; 0 where σ² is not a positive finite number (as <see cref="SoftDemapping.InverseNoise"/>:
    /// σ² ≤ 0 and NaN fail the comparison, 1/+∞ is 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Factor(Vector512<float> sigma2, Vector512<float> scale) =>
        (Vector512.GreaterThan(sigma2, Vector512<float>.Zero) & (Vector512<float>.One / sigma2)) * scale;

    /// <summary>Per-symbol values 0..7 duplicated onto the (re, im) lanes of their symbol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> DuplicateLow(Vector512<float> perSymbol) =>
        Avx512F.PermuteVar16x32(perSymbol, Vector512.Create(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7));

    /// <summary>Per-symbol values 8..15 duplicated onto the (re, im) lanes of their symbol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> DuplicateHigh(Vector512<float> perSymbol) =>
        Avx512F.PermuteVar16x32(perSymbol, Vector512.Create(8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15));

    /// <summary>
    /// round(llr·factor) clamped to ±120, NaN → 0: the scalar <see cref="LogLikelihoodRatio.Quantize(float, float)"/> of
    /// (llr, factor). NaN is cleared first, so the native min/max see only numbers; <c>vcvtps2dq</c> rounds half to even.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Quantize(Vector512<float> llr, Vector512<float> factor)
    {
        Vector512<float> product = llr * factor;
        product = Vector512.ConditionalSelect(Vector512.Equals(product, product), product, Vector512<float>.Zero);
        product = Avx512F.Min(Avx512F.Max(product, Vector512.Create((float)-LogLikelihoodRatio.Max)), Vector512.Create((float)LogLikelihoodRatio.Max));
        return Avx512F.ConvertToVector512Int32(product);
    }

    /// <summary>Four int32 vectors (values in ±120) to bytes; 128-bit lane L holds (a[4L..4L+3], b[…], c[…], d[…]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<sbyte> Pack(Vector512<int> a, Vector512<int> b, Vector512<int> c, Vector512<int> d) =>
        Avx512BW.PackSignedSaturate(Avx512BW.PackSignedSaturate(a, b), Avx512BW.PackSignedSaturate(c, d));

    private static Vector512<float>[]?[] BuildTables(bool slopes)
    {
        var all = new Vector512<float>[]?[Enum.GetValues<ModulationScheme>().Length];
        foreach (ModulationScheme scheme in Enum.GetValues<ModulationScheme>())
        {
            if (scheme.BitsPerSymbol() < 2)
            {
                continue;
            }

            QamAxisTable table = SoftDemapping.Table(scheme);
            int blocks = (table.IntervalCount + 15) / 16;
            var vectors = new Vector512<float>[table.BitsPerAxis * blocks];
            var lanes = new float[16];
            for (int j = 0; j < table.BitsPerAxis; j++)
            {
                float[] source = slopes ? table.Slopes[j] : table.Intercepts[j];
                for (int b = 0; b < blocks; b++)
                {
                    for (int lane = 0; lane < 16; lane++)
                    {
                        lanes[lane] = source[Math.Min((16 * b) + lane, table.IntervalCount - 1)];
                    }

                    vectors[(j * blocks) + b] = Vector512.Create(lanes);
                }
            }

            all[(int)scheme] = vectors;
        }

        return all;
    }

    /// <summary>The per-vector demapping of one QAM scheme: eight symbols in, 8·Q_m LLR bytes out.</summary>
    private readonly struct QamKernel
    {
        private readonly Vector512<float>[] _slopes;
        private readonly Vector512<float>[] _intercepts;
        private readonly Vector512<float> _halfScale;
        private readonly Vector512<float> _center;
        private readonly Vector512<float> _lastInterval;
        private readonly Vector512<sbyte> _byteOrder;
        private readonly Vector512<int> _dwordOrder;
        private readonly int _m;

        public QamKernel(QamAxisTable table, Vector512<float>[] slopes, Vector512<float>[] intercepts)
        {
            _slopes = slopes;
            _intercepts = intercepts;
            _m = table.BitsPerAxis;
            _halfScale = Vector512.Create(table.HalfScale);
            _center = Vector512.Create((float)(table.IntervalCount / 2));
            _lastInterval = Vector512.Create((float)(table.IntervalCount - 1));

            // Bits into TS 38.211 §5.1 order within each lane, then the lanes' used doublewords compacted.
            _byteOrder = s_byteOrders[_m];
            _dwordOrder = s_dwordOrders[_m];
        }

        /// <summary>
        /// Demaps the 8 symbols of <paramref name="values"/> (re, im interleaved) with per-lane factor scale/σ² and
        /// writes their 8·Q_m LLRs to <paramref name="destination"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Demap(Vector512<float> values, Vector512<float> factor, ref sbyte destination)
        {
            // Interval t = clamp(⌊x·norm/2⌋ + 2^(m−1), 0, 2^m − 1) as QamAxisTable.Interval; NaN gives some valid
            // index (its LLR is NaN, hence 0, whatever the line).
            Vector512<float> t = Avx512F.Min(Avx512F.Max(Vector512.Floor(values * _halfScale) + _center, Vector512<float>.Zero), _lastInterval);
            Vector512<int> index = Avx512F.ConvertToVector512Int32WithTruncation(t);
            Vector512<int> b0 = Bit(0, values, index, factor);
            Vector512<int> b1 = _m > 1 ? Bit(1, values, index, factor) : Vector512<int>.Zero;
            Vector512<int> b2 = _m > 2 ? Bit(2, values, index, factor) : Vector512<int>.Zero;
            Vector512<int> b3 = _m > 3 ? Bit(3, values, index, factor) : Vector512<int>.Zero;
            Vector512<sbyte> ordered = Avx512BW.Shuffle(Pack(b0, b1, b2, b3), _byteOrder);
            ref byte target = ref Unsafe.As<sbyte, byte>(ref destination);
            switch (_m)
            {
                case 2:
                    // 4 bytes per symbol: lanes' 8 used bytes compacted into 32.
                    Avx512F.PermuteVar16x32(ordered.AsInt32(), _dwordOrder).GetLower().AsByte().StoreUnsafe(ref target);
                    break;
                case 3:
                {
                    // 6 bytes per symbol: 12 used bytes per lane compacted into 48.
                    Vector512<byte> packed = Avx512F.PermuteVar16x32(ordered.AsInt32(), _dwordOrder).AsByte();
                    packed.GetLower().StoreUnsafe(ref target);
                    packed.GetUpper().GetLower().StoreUnsafe(ref target, 32);
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
                    Vector512<int> b4 = Bit(4, values, index, factor);
                    Vector512<ushort> pairs = Pack(b4, b4, b4, b4).AsUInt16();
                    Vector512<ulong> heads = ordered.AsUInt64();
                    for (int s = 0; s < 8; s++)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 10 * s), heads.GetElement(s));
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, (10 * s) + 8), pairs.GetElement((8 * (s / 2)) + (s % 2)));
                    }

                    break;
                }
            }
        }

        /// <summary>Quantized LLRs of axis bit j: (slope[t]·x + intercept[t])·factor, as QamAxisTable.Llr then Quantize.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector512<int> Bit(int j, Vector512<float> values, Vector512<int> index, Vector512<float> factor)
        {
            Vector512<float> slope, intercept;
            if (_m <= 4)
            {
                slope = Avx512F.PermuteVar16x32(_slopes[j], index);
                intercept = Avx512F.PermuteVar16x32(_intercepts[j], index);
            }
            else
            {
                // 32 intervals: vpermt2ps picks from the two 16-entry halves by index bit 4.
                slope = Avx512F.PermuteVar16x32x2(_slopes[2 * j], index, _slopes[(2 * j) + 1]);
                intercept = Avx512F.PermuteVar16x32x2(_intercepts[2 * j], index, _intercepts[(2 * j) + 1]);
            }

            return Quantize((slope * values) + intercept, factor);
        }
    }
}
