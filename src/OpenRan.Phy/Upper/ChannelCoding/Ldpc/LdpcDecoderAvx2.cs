using System;
using System.Runtime.Intrinsics;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The AVX2 layered min-sum LDPC decoder: 32 of the Z_c checks of a layer per Vector256&lt;sbyte&gt;, bit-identical to
/// <see cref="LdpcDecoderGeneric"/>.
/// </summary>
/// <remarks>
/// The layout (cyclically shifted, double-buffered columns) and the layer kernel are <see cref="LdpcShiftedColumns"/>,
/// shared with <see cref="LdpcDecoderAvx512"/>. Not thread-safe (one instance per worker); scratch is sized at construction
/// for BG1 with Z_c = 384.
/// </remarks>
public sealed class LdpcDecoderAvx2 : LdpcDecoderBase
{
    private readonly LdpcShiftedColumns _state = new();

    /// <summary>Builds the decoder.</summary>
    /// <exception cref="PlatformNotSupportedException">AVX2 is not available.</exception>
    public LdpcDecoderAvx2(LdpcDecoderOptions options)
        : base(options)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("the AVX2 LDPC decoder needs AVX2 (DOTNET_EnableAVX2 may be 0).");
        }
    }

    /// <summary>Whether this machine (and the JIT configuration) can run the decoder.</summary>
    public static bool IsSupported => LdpcLanes256.IsSupported;

    /// <inheritdoc />
    public override string Name => LdpcDecoderFactory.Avx2Name;

    /// <inheritdoc />
    protected override void Initialize(ReadOnlySpan<sbyte> llrs, LdpcCode code, int activeRows) =>
        _state.Initialize(llrs, code, activeRows, LdpcLanes256.Count);

    /// <inheritdoc />
    protected override void ProcessLayer(LdpcCode code, int row) =>
        _state.ProcessLayer<LdpcLanes256, Vector256<sbyte>>(code, row, Options);

    /// <inheritdoc />
    protected override bool ParityCheck(LdpcCode code, int activeRows) => _state.ParityCheck(code, activeRows);

    /// <inheritdoc />
    protected override void HardDecide(LdpcCode code, Span<byte> bits) => _state.HardDecide(code, bits);
}
