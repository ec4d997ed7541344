using System;
using System.Runtime.Intrinsics;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The AVX-512 layered min-sum LDPC decoder: 64 of the Z_c checks of a layer per Vector512&lt;sbyte&gt; (AVX-512BW),
/// bit-identical to <see cref="LdpcDecoderGeneric"/>.
/// </summary>
/// <remarks>
/// The layout and the layer kernel are <see cref="LdpcShiftedColumns"/>, shared with <see cref="LdpcDecoderAvx2"/>; only the
/// vector width differs. For Z_c ≤ 32 a 64-lane vector would be more than half padding, so those lifting sizes run the
/// 32-lane (Vector256) kernel; sub-blocks are not packed several per vector. Not thread-safe (one instance per worker);
/// scratch is sized at construction for BG1 with Z_c = 384.
/// </remarks>
public sealed class LdpcDecoderAvx512 : LdpcDecoderBase
{
    /// <summary>The largest Z_c run by the 32-lane kernel.</summary>
    private const int NarrowLiftingSizeMax = 32;

    private readonly LdpcShiftedColumns _state = new();

    /// <summary>Builds the decoder.</summary>
    /// <exception cref="PlatformNotSupportedException">AVX-512F/BW/VL is not available.</exception>
    public LdpcDecoderAvx512(LdpcDecoderOptions options)
        : base(options)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("the AVX-512 LDPC decoder needs AVX-512F/BW/VL (DOTNET_EnableAVX512 may be 0).");
        }
    }

    /// <summary>Whether this machine (and the JIT configuration) can run the decoder: AVX-512F/BW/VL (hardware-accelerated Vector512).</summary>
    public static bool IsSupported => LdpcLanes512.IsSupported && LdpcLanes256.IsSupported;

    /// <inheritdoc />
    public override string Name => LdpcDecoderFactory.Avx512Name;

    /// <inheritdoc />
    protected override void Initialize(ReadOnlySpan<sbyte> llrs, LdpcCode code, int activeRows) =>
        _state.Initialize(llrs, code, activeRows, code.LiftingSize <= NarrowLiftingSizeMax ? LdpcLanes256.Count : LdpcLanes512.Count);

    /// <inheritdoc />
    protected override void ProcessLayer(LdpcCode code, int row)
    {
        if (code.LiftingSize <= NarrowLiftingSizeMax)
        {
            _state.ProcessLayer<LdpcLanes256, Vector256<sbyte>>(code, row, Options);
        }
        else
        {
            _state.ProcessLayer<LdpcLanes512, Vector512<sbyte>>(code, row, Options);
        }
    }

    /// <inheritdoc />
    protected override bool ParityCheck(LdpcCode code, int activeRows) => _state.ParityCheck(code, activeRows);

    /// <inheritdoc />
    protected override void HardDecide(LdpcCode code, Span<byte> bits) => _state.HardDecide(code, bits);
}
