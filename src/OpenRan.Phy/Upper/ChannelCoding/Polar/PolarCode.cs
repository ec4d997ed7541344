using System;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// The construction of one 5G polar code (TS 38.212 §5.3.1 and §5.4.1): mother code length N, the input interleaver Π,
/// the sub-channel allocation (frozen, information and parity-check positions), the sub-block interleaver J and the
/// rate-matching mode, for K input bits (payload plus CRC) and E rate-matched bits.
/// </summary>
/// <remarks>
/// <para>Built once per (K, E, n_max, I_IL, n_PC, n_PC^wm, I_BIL) at configuration time (it allocates); the encoder,
/// rate matcher, rate dematcher and decoders read it without allocating. Immutable and thread-safe.</para>
/// <para>§5.3.1: n1 = ⌈log2 E⌉ − 1 if E ≤ (9/8)·2^(⌈log2 E⌉−1) and K/E &lt; 9/16, else ⌈log2 E⌉; n2 = ⌈log2(K/R_min)⌉
/// with R_min = 1/8; n = max(min(n1, n2, n_max), n_min = 5); N = 2^n.</para>
/// <para>§5.3.1.2: Q_F,tmp holds the indices made unreliable by rate matching (puncturing: J(0..N−E−1) plus the first
/// ⌈3N/4 − E/2⌉ or ⌈9N/16 − E/4⌉ indices; shortening: J(E..N−1)); Q_I is the K + n_PC most reliable of the rest;
/// n_PC − n_PC^wm parity-check bits take the least reliable indices of Q_I and n_PC^wm take the minimum-row-weight
/// (then most reliable) indices among the |Q_I| − n_PC most reliable of Q_I.</para>
/// </remarks>
public sealed class PolarCode
{
    /// <summary>n_min = 5 (TS 38.212 §5.3.1).</summary>
    public const int MinLog2Length = 5;

    /// <summary>Largest mother code length N_max = 1024.</summary>
    public const int MaxLength = 1024;

    /// <summary>Largest rate-matched length E handled (TS 38.212 §5.4.1: E ≤ 8192).</summary>
    public const int MaxRateMatchedLength = 8192;

    private readonly short[] _inputInterleaver;
    private readonly PolarBitKind[] _bitKinds;
    private readonly short[] _informationPositions;
    private readonly short[] _subBlockInterleaver;
    private readonly short[] _codewordIndex;

    /// <summary>Constructs the code.</summary>
    /// <param name="k">K, input bits including CRC, 1..1023 (≤ 164 when <paramref name="inputInterleaving"/>), K + n_PC ≤ N.</param>
    /// <param name="e">E, rate-matched length, K + n_PC ≤ E ≤ 8192.</param>
    /// <param name="nMax">n_max: 9 (downlink) or 10 (uplink).</param>
    /// <param name="inputInterleaving">I_IL = 1: interleave the input with Π (TS 38.212 §5.3.1.1).</param>
    /// <param name="nPc">n_PC, number of parity-check bits, 0..3.</param>
    /// <param name="nPcWm">n_PC^wm, 0..n_PC.</param>
    /// <param name="channelInterleaving">I_BIL = 1: apply the triangular channel interleaver (TS 38.212 §5.4.1.3).</param>
    public PolarCode(int k, int e, int nMax, bool inputInterleaving, int nPc, int nPcWm, bool channelInterleaving)
    {
        ThrowHelper.ThrowIfOutside(nMax, 9, 10);
        ThrowHelper.ThrowIfOutside(nPc, 0, 3);
        ThrowHelper.ThrowIfOutside(nPcWm, 0, nPc);
        ThrowHelper.ThrowIfOutside(k, 1, inputInterleaving ? Ts38212Table5_3_1_1_1.MaxLength : (1 << nMax) - 1);
        ThrowHelper.ThrowIfOutside(e, k + nPc, MaxRateMatchedLength);
        K = k;
        E = e;
        NMax = nMax;
        InputInterleaving = inputInterleaving;
        NPc = nPc;
        NPcWm = nPcWm;
        ChannelInterleaving = channelInterleaving;
        N = MotherCodeLength(k, e, nMax);
        if (k + nPc > N)
        {
            ThrowHelper.ThrowArgument(nameof(k), $"K + n_PC = {k + nPc} exceeds the mother code length N = {N} for E = {e}, n_max = {nMax}.");
        }

        Mode = e >= N ? PolarRateMatchingMode.Repetition : (16 * k <= 7 * e ? PolarRateMatchingMode.Puncturing : PolarRateMatchingMode.Shortening);
        _subBlockInterleaver = new short[N];
        BuildSubBlockInterleaver(_subBlockInterleaver);
        _inputInterleaver = new short[k];
        BuildInputInterleaver(inputInterleaving, _inputInterleaver);
        _bitKinds = new PolarBitKind[N];
        AllocateSubChannels();
        _codewordIndex = new short[e];
        var map = new PolarRateMatchingMap(N, k, e, channelInterleaving);
        for (int i = 0; i < e; i++)
        {
            _codewordIndex[i] = (short)map.CodewordIndex(i);
        }

        _informationPositions = new short[k];
        int j = 0;
        for (int n = 0; n < N; n++)
        {
            if (_bitKinds[n] == PolarBitKind.Information)
            {
                _informationPositions[j++] = (short)n;
            }
        }
    }

    /// <summary>K, the number of input bits (payload plus CRC).</summary>
    public int K { get; }

    /// <summary>E, the rate-matched length.</summary>
    public int E { get; }

    /// <summary>N, the mother code length (a power of two, 32..1024).</summary>
    public int N { get; }

    /// <summary>n = log2 N.</summary>
    public int Log2N => BitOperations.Log2((uint)N);

    /// <summary>n_max.</summary>
    public int NMax { get; }

    /// <summary>I_IL: whether the input bits are interleaved (§5.3.1.1).</summary>
    public bool InputInterleaving { get; }

    /// <summary>n_PC.</summary>
    public int NPc { get; }

    /// <summary>n_PC^wm.</summary>
    public int NPcWm { get; }

    /// <summary>I_BIL: whether the coded bits are channel-interleaved (§5.4.1.3).</summary>
    public bool ChannelInterleaving { get; }

    /// <summary>The bit-selection mode (§5.4.1.2).</summary>
    public PolarRateMatchingMode Mode { get; }

    /// <summary>Π(k), k = 0..K−1: c'_k = c_Π(k) (§5.3.1.1; the identity when I_IL = 0).</summary>
    public ReadOnlySpan<short> InputInterleaver => _inputInterleaver;

    /// <summary>The kind of each u_n, n = 0..N−1.</summary>
    public ReadOnlySpan<PolarBitKind> BitKinds => _bitKinds;

    /// <summary>The K information positions n ∈ Q_I^N \ Q_PC^N in ascending order; the k-th carries c'_k.</summary>
    public ReadOnlySpan<short> InformationPositions => _informationPositions;

    /// <summary>J(n), n = 0..N−1: y_n = d_J(n) (§5.4.1.1).</summary>
    public ReadOnlySpan<short> SubBlockInterleaver => _subBlockInterleaver;

    /// <summary>
    /// The composed rate-matching map (§5.4.1.1-§5.4.1.3): f_i = d_(CodewordIndex[i]) for i = 0..E−1; repeated positions appear
    /// more than once, punctured and shortened ones not at all.
    /// </summary>
    public ReadOnlySpan<short> CodewordIndex => _codewordIndex;

    /// <summary>A short description, for example <c>polar K=56 E=864 N=512</c>.</summary>
    public override string ToString() => $"polar K={K} E={E} N={N} nPC={NPc}/{NPcWm} IIL={(InputInterleaving ? 1 : 0)} IBIL={(ChannelInterleaving ? 1 : 0)} {Mode}";

    /// <summary>The code of a downlink control channel (BCH, DCI): n_max = 9, I_IL = 1, n_PC = 0, I_BIL = 0 (TS 38.212 §7.1.4, §7.3.3).</summary>
    public static PolarCode ForDownlink(int k, int e) => new(k, e, 9, true, 0, 0, false);

    /// <summary>
    /// The code of one UCI code block (TS 38.212 §6.3.1.3.1, §6.3.2.3.1): n_max = 10, I_IL = 0, I_BIL = 1; for
    /// 18 ≤ K ≤ 25 (payload 12..19 with CRC6) n_PC = 3 and n_PC^wm = 1 when E − K + 3 &gt; 192, else 0; otherwise n_PC = 0.
    /// </summary>
    /// <param name="k">K_r, bits of the code block including its CRC (18..1023).</param>
    /// <param name="e">E_r, its rate-matched length.</param>
    public static PolarCode ForUci(int k, int e)
    {
        bool pc = k is >= 18 and <= 25;
        int nPc = pc ? 3 : 0;
        int nPcWm = pc && e - k + 3 > 192 ? 1 : 0;
        return new PolarCode(k, e, 10, false, nPc, nPcWm, true);
    }

    /// <summary>The mother code length N of TS 38.212 §5.3.1 for K, E and n_max.</summary>
    public static int MotherCodeLength(int k, int e, int nMax)
    {
        int ceilLog2E = CeilLog2(e);
        int n1 = (8L * e <= 9L * (1L << (ceilLog2E - 1)) && 16L * k < 9L * e) ? ceilLog2E - 1 : ceilLog2E;
        int n2 = CeilLog2(8 * k); // ⌈log2(K / R_min)⌉ with R_min = 1/8
        int n = Math.Max(Math.Min(Math.Min(n1, n2), nMax), MinLog2Length);
        return 1 << n;
    }


    private static int CeilLog2(int x) => x <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(x - 1));

    private void BuildSubBlockInterleaver(Span<short> j)
    {
        ReadOnlySpan<byte> p = Ts38212Table5_4_1_1_1.SubBlockInterleaverPattern;
        int blockSize = N / 32;
        for (int n = 0; n < N; n++)
        {
            int i = 32 * n / N;
            j[n] = (short)((p[i] * blockSize) + (n % blockSize));
        }
    }

    private static void BuildInputInterleaver(bool inputInterleaving, Span<short> pi)
    {
        int k = pi.Length;
        if (!inputInterleaving)
        {
            for (int i = 0; i < k; i++)
            {
                pi[i] = (short)i;
            }

            return;
        }

        // §5.3.1.1: keep the entries of Π_IL^max not below K_IL^max − K, shifted down by K_IL^max − K.
        const int kMax = Ts38212Table5_3_1_1_1.MaxLength;
        int next = 0;
        foreach (byte m in Ts38212Table5_3_1_1_1.InterleavingPattern)
        {
            if (m >= kMax - k)
            {
                pi[next++] = (short)(m - (kMax - k));
            }
        }
    }

    private void AllocateSubChannels()
    {
        // Q_0^(N−1): the reliability sequence restricted to indices below N, least reliable first.
        Span<short> q = stackalloc short[MaxLength];
        int count = 0;
        foreach (short index in Ts38212Table5_3_1_2_1.ReliabilityOrder)
        {
            if (index < N)
            {
                q[count++] = index;
            }
        }

        q = q[..N];

        // Q_F,tmp (§5.3.1.2).
        Span<bool> frozenTmp = stackalloc bool[MaxLength];
        frozenTmp = frozenTmp[..N];
        frozenTmp.Clear();
        if (E < N)
        {
            if (Mode == PolarRateMatchingMode.Puncturing)
            {
                for (int n = 0; n < N - E; n++)
                {
                    frozenTmp[_subBlockInterleaver[n]] = true;
                }

                // ⌈3N/4 − E/2⌉ = ⌈(3N − 2E)/4⌉ and ⌈9N/16 − E/4⌉ = ⌈(9N − 4E)/16⌉.
                int limit = 4 * E >= 3 * N ? CeilDiv((3 * N) - (2 * E), 4) : CeilDiv((9 * N) - (4 * E), 16);
                for (int n = 0; n < limit; n++)
                {
                    frozenTmp[n] = true;
                }
            }
            else
            {
                for (int n = E; n < N; n++)
                {
                    frozenTmp[_subBlockInterleaver[n]] = true;
                }
            }
        }

        // Q_I: the K + n_PC most reliable indices not in Q_F,tmp, least reliable first in `selected`.
        int infoCount = K + NPc;
        Span<short> selected = stackalloc short[MaxLength];
        int taken = 0;
        for (int i = N - 1; i >= 0 && taken < infoCount; i--)
        {
            if (!frozenTmp[q[i]])
            {
                selected[infoCount - 1 - taken] = q[i];
                taken++;
            }
        }

        if (taken < infoCount)
        {
            ThrowHelper.ThrowArgument(nameof(E), $"only {taken} unfrozen sub-channels remain for K + n_PC = {infoCount} (E = {E}, N = {N}).");
        }

        selected = selected[..infoCount];
        foreach (short n in selected)
        {
            _bitKinds[n] = PolarBitKind.Information;
        }

        // (n_PC − n_PC^wm) parity-check bits on the least reliable indices of Q_I.
        for (int i = 0; i < NPc - NPcWm; i++)
        {
            _bitKinds[selected[i]] = PolarBitKind.ParityCheck;
        }

        // n_PC^wm parity-check bits on the minimum-row-weight indices of Q̃_I (the |Q_I| − n_PC most reliable),
        // the most reliable first among equal weights. Row n of G_N has weight 2^popcount(n).
        for (int w = 0; w < NPcWm; w++)
        {
            int best = -1;
            int bestWeight = int.MaxValue;
            for (int i = infoCount - 1; i >= NPc; i--)
            {
                short n = selected[i];
                int weight = BitOperations.PopCount((uint)n);
                if (_bitKinds[n] == PolarBitKind.Information && weight < bestWeight)
                {
                    bestWeight = weight;
                    best = n;
                }
            }

            _bitKinds[best] = PolarBitKind.ParityCheck;
        }
    }

    private static int CeilDiv(int a, int b) => a <= 0 ? 0 : (a + b - 1) / b;
}
