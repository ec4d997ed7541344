using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>
/// Limited-buffer rate matching parameters (TS 38.212 §5.4.2.1): they give the circular buffer length N_cb of every code
/// block. Explicit in the configuration so that both the specification's TBS_LBRM rule and a fixed N_ref (MATLAB's
/// convention) can be expressed.
/// </summary>
public readonly record struct LimitedBufferRateMatching
{
    private LimitedBufferRateMatching(LimitedBufferMode mode, int value)
    {
        Mode = mode;
        Value = value;
    }

    /// <summary>No limit: N_cb = N (I_LBRM = 0).</summary>
    public static LimitedBufferRateMatching Disabled => default;

    /// <summary>Which rule applies.</summary>
    public LimitedBufferMode Mode { get; }

    /// <summary>TBS_LBRM (mode <see cref="LimitedBufferMode.TransportBlockSize"/>) or N_ref (mode <see cref="LimitedBufferMode.ReferenceLength"/>); 0 when disabled.</summary>
    public int Value { get; }

    /// <summary>I_LBRM = 1 with the given TBS_LBRM (TS 38.212 §5.4.2.1; see <see cref="OpenRan.Phy.Upper.Channels.TransportBlockSize.ForLimitedBufferRateMatching"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tbsLbrm"/> is not positive.</exception>
    public static LimitedBufferRateMatching FromTransportBlockSize(int tbsLbrm)
    {
        ThrowHelper.ThrowIfOutside(tbsLbrm, 1, int.MaxValue / 3);
        return new LimitedBufferRateMatching(LimitedBufferMode.TransportBlockSize, tbsLbrm);
    }

    /// <summary>A fixed N_ref per code block (MATLAB <c>LimitedBufferSize</c>; its <c>nrDLSCH</c> default is 25344).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nRef"/> is not positive.</exception>
    public static LimitedBufferRateMatching FromReferenceLength(int nRef)
    {
        ThrowHelper.ThrowIfOutside(nRef, 1, int.MaxValue);
        return new LimitedBufferRateMatching(LimitedBufferMode.ReferenceLength, nRef);
    }

    /// <summary>N_cb for a code block of N encoded bits in a transport block of C code blocks.</summary>
    public int CircularBufferLength(int n, int codeBlockCount)
    {
        ThrowHelper.ThrowIfOutside(n, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutside(codeBlockCount, 1, int.MaxValue);
        return Mode switch
        {
            // N_ref = ⌊TBS_LBRM / (C · 2/3)⌋ = ⌊3 · TBS_LBRM / (2C)⌋, in exact integer arithmetic.
            LimitedBufferMode.TransportBlockSize => (int)Math.Min(n, 3L * Value / (2L * codeBlockCount)),
            LimitedBufferMode.ReferenceLength => Math.Min(n, Value),
            _ => n,
        };
    }
}
