using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// LLR-domain successive-cancellation list (SCL) polar decoder with path metrics and lazy path copying; list size 1
/// is plain successive cancellation (SC). With an <see cref="IPolarPathCheck"/> it is CRC-aided SCL: the most likely
/// surviving path that passes the check is returned.
/// </summary>
/// <remarks>
/// <para>Algorithm: Tal and Vardy, "List decoding of polar codes" (IEEE Trans. IT 2015), in the LLR form of
/// Balatsoukas-Stimming, Bastani Parizi and Burg (IEEE Trans. SP 2015): f(a, b) = sign(a)·sign(b)·min(|a|, |b|),
/// g(a, b, u) = b + (1 − 2u)·a, path metric PM += |λ| when a decision contradicts the leaf LLR λ. Parity-check bits
/// (TS 38.212 §5.3.1.2) are decided per path from the path's own copy of the length-5 cyclic shift register.</para>
/// <para>Memory: per tree stage s (node size 2^s) a pool of L LLR arrays and two pools of L partial-sum arrays (left
/// and right child results), shared between paths by reference counting; a path writing a shared array takes a free
/// one. Every write covers a whole array, so cloning a path copies only its table of array indices, never LLRs.
/// Everything is sized at construction for N ≤ <see cref="MaxLength"/> and L ≤ <see cref="MaxListSize"/>; a decode
/// allocates nothing. Not thread-safe: one instance per worker.</para>
/// <para>List sizes 2..8 on AVX2 machines run in <see cref="PolarLaneListDecoder"/> (one path per Vector256 lane, the same
/// node rules, about twice as fast); the path-by-path recursion below serves SC, L &gt; 8, the exact check node, leaf-by-leaf
/// decoding and machines without AVX2, and is the reference the lane decoder is tested against.</para>
/// </remarks>
public sealed class PolarDecoder : IPolarDecoder
{
    private const int MaxStages = 11;
    private const float ExactLlrMax = 30f;
    private const uint SignBit = 0x8000_0000u;
    private const int MaxRate1Splits = 32;

    private readonly StagePool<float> _alpha;
    private readonly StagePool<uint> _betaLeft;
    private readonly StagePool<uint> _betaRight;
    private readonly float[] _metric;
    private readonly float[] _alpha0;
    private readonly uint[] _beta0Left;
    private readonly uint[] _beta0Right;
    private readonly int[] _register;
    private readonly int[] _active;
    private readonly int[] _inactive;
    private readonly float[] _candidateMetric;
    private readonly bool[] _survives;
    private readonly uint[] _codeword;
    private readonly ulong[] _uWords;
    private readonly int[] _ranked;
    private readonly float[] _increment0;
    private readonly float[] _increment1;
    private readonly int[] _rate1Index;
    private int _rate1Round = -1;
    private int _rate1Count;
    private bool _spcMode;
    private readonly int[] _spcParity;
    private readonly PolarNode[] _scratchSchedule;
    private readonly int[] _scheduleCounts;
    private readonly System.Collections.Generic.Dictionary<(PolarCode Code, bool Rate1), PolarNode[]> _schedules = [];
    private int _activeCount;
    private int _inactiveCount;
    private int _listSize = 8;
    private readonly PolarLaneListDecoder? _lanes;

    /// <summary>Allocates a decoder for codes up to <paramref name="maxLength"/> and lists up to <paramref name="maxListSize"/>.</summary>
    /// <param name="maxListSize">Largest list size L, 1..32.</param>
    /// <param name="maxLength">Largest code length N, a power of two 32..1024.</param>
    /// <remarks>List sizes 2..8 run one path per SIMD lane where the machine supports it (the <c>auto</c> choice of <see cref="PolarDecoderFactory"/>).</remarks>
    public PolarDecoder(int maxListSize = 32, int maxLength = PolarCode.MaxLength)
        : this(maxListSize, maxLength, PolarLaneListDecoder.IsSupported)
    {
    }

    /// <summary>Allocates a decoder; <paramref name="lanes"/> selects the lane-parallel list decoder for list sizes 2..8.</summary>
    /// <param name="maxListSize">Largest list size L, 1..32.</param>
    /// <param name="maxLength">Largest code length N, a power of two 32..1024.</param>
    /// <param name="lanes">Whether list sizes 2..8 run in <see cref="PolarLaneListDecoder"/> (needs AVX2) or path by path (the reference).</param>
    internal PolarDecoder(int maxListSize, int maxLength, bool lanes)
    {
        ThrowHelper.ThrowIfOutside(maxListSize, 1, 32);
        if (maxLength < 32 || maxLength > PolarCode.MaxLength || (maxLength & (maxLength - 1)) != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(maxLength), maxLength, "a power of two 32..1024");
        }

        MaxListSize = maxListSize;
        MaxLength = maxLength;
        int stages = BitOperations.Log2((uint)maxLength);
        _alpha = new StagePool<float>(stages, maxListSize);
        _betaLeft = new StagePool<uint>(stages, maxListSize);
        _betaRight = new StagePool<uint>(stages, maxListSize);
        _metric = new float[maxListSize];
        _alpha0 = new float[maxListSize];
        _beta0Left = new uint[maxListSize];
        _beta0Right = new uint[maxListSize];
        _register = new int[maxListSize];
        _active = new int[maxListSize];
        _inactive = new int[maxListSize];
        _candidateMetric = new float[2 * maxListSize];
        _survives = new bool[2 * maxListSize];
        _codeword = new uint[maxLength];
        _uWords = new ulong[(maxLength + 63) / 64];
        _ranked = new int[maxListSize];
        _increment0 = new float[maxListSize];
        _increment1 = new float[maxListSize];
        _rate1Index = new int[maxListSize * MaxRate1Splits];
        _spcParity = new int[maxListSize];
        _scratchSchedule = new PolarNode[2 * maxLength];
        _scheduleCounts = new int[(3 * maxLength) + 3];
        _listSize = Math.Min(8, maxListSize);
        if (lanes && !PolarLaneListDecoder.IsSupported)
        {
            ThrowHelper.ThrowArgument(nameof(lanes), "the lane-parallel polar list decoder needs AVX2.");
        }

        Name = lanes ? Dsp.Implementations.ImplementationNames.Avx2 : Dsp.Implementations.ImplementationNames.Generic;
        if (maxListSize >= 2 && lanes)
        {
            _lanes = new PolarLaneListDecoder(maxLength);
        }
    }

    /// <summary>
    /// The check-node rule: false (default) for min-sum f = sign·sign·min, true for the exact box-plus with inputs
    /// clipped to ±30 (as Sionna's SC decoder; a reference, several times slower).
    /// </summary>
    public bool ExactCheckNode { get; set; }

    /// <summary>Whether rate-0, rate-1 and repetition nodes are decoded in one step (default); false decodes leaf by leaf (reference).</summary>
    internal bool UseSpecialNodes { get; set; } = true;

    /// <summary>The implementation: <c>avx2</c> when list sizes 2..8 run one path per SIMD lane, <c>generic</c> when every list runs path by path.</summary>
    public string Name { get; }

    /// <summary>The largest list size.</summary>
    public int MaxListSize { get; }

    /// <summary>The largest code length.</summary>
    public int MaxLength { get; }

    /// <summary>The list size L used by <see cref="Decode{TCheck}"/>, 1..<see cref="MaxListSize"/> (default 8; 1 = SC).</summary>
    public int ListSize
    {
        get => _listSize;
        set
        {
            ThrowHelper.ThrowIfOutside(value, 1, MaxListSize, nameof(ListSize));
            _listSize = value;
        }
    }

    /// <summary>
    /// Decodes the N codeword LLRs of <paramref name="code"/> into its K bits c (de-interleaved, CRC included) with list
    /// size <see cref="ListSize"/>, returning the most likely path that <paramref name="check"/> accepts (or the most
    /// likely path, flagged as failed, when none does). An input that carries no information (all LLRs 0, subnormal or
    /// known-zero, or any not finite) is not decoded: the result is failed and <see cref="PolarDecodeResult.Erased"/>.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="llrs">N LLRs of d (after rate recovery), L = ln(P(0)/P(1)).</param>
    /// <param name="c">Receives K bits.</param>
    /// <param name="check">The path check, for example a CRC.</param>
    public PolarDecodeResult Decode<TCheck>(PolarCode code, ReadOnlySpan<float> llrs, Span<byte> c, TCheck check)
        where TCheck : struct, IPolarPathCheck
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, code.N, nameof(llrs));
        ThrowHelper.ThrowIfLengthDiffers(c.Length, code.K, nameof(c));
        if (code.N > MaxLength)
        {
            ThrowHelper.ThrowOutOfRange(nameof(code), code.N, $"N ≤ {MaxLength} (this decoder's maximum)");
        }

        if (!CarriesInformation(llrs))
        {
            c.Clear();
            return new PolarDecodeResult(false, 0f, -1, Erased: true);
        }

        ReadOnlySpan<PolarNode> schedule = Schedule(code, _listSize);
        bool lanes = _lanes is not null && _listSize is >= 2 and <= PolarLaneListDecoder.MaxListSize
            && UseSpecialNodes && !ExactCheckNode;
        int ranked;
        if (lanes)
        {
            _lanes!.Run(llrs, code.BitKinds, _listSize, schedule);
            ranked = _lanes.RankPaths(_ranked);
        }
        else
        {
            Run(llrs, code.BitKinds, _listSize, schedule);
            ranked = RankPaths();
        }

        for (int r = 0; r < ranked; r++)
        {
            int path = _ranked[r];
            ExtractU(Codeword(lanes, path));
            ExtractInformation(code, _uWords, c);
            if (check.Accept(c))
            {
                return new PolarDecodeResult(true, PathMetric(lanes, path), r);
            }
        }

        ExtractU(Codeword(lanes, _ranked[0]));
        ExtractInformation(code, _uWords, c);
        return new PolarDecodeResult(false, PathMetric(lanes, _ranked[0]), -1);
    }

    /// <summary>
    /// Whether the LLRs can be decoded: all finite, and at least one a channel observation (a normal float other than
    /// <see cref="PolarRateDematcher.KnownZeroLlr"/>, which marks shortened bits). An all-zero or subnormal input
    /// (silence, erasure) makes every decision a tie, resolved to 0: the all-zero word, which passes any unmasked CRC.
    /// </summary>
    private static bool CarriesInformation(ReadOnlySpan<float> llrs)
    {
        bool observed = false;
        foreach (float llr in llrs)
        {
            float magnitude = MathF.Abs(llr);
            if (!float.IsFinite(llr))
            {
                return false;
            }

            observed |= magnitude >= ComplexErasure.SmallestNormal && llr != PolarRateDematcher.KnownZeroLlr;
        }

        return observed;
    }

    private float PathMetric(bool lanes, int path) => lanes ? _lanes!.Metric(path) : _metric[path];

    /// <summary>The codeword x (sign masks) of a path of the lane decoder or of the path-by-path one.</summary>
    private ReadOnlySpan<uint> Codeword(bool lanes, int path) => lanes ? _lanes!.Codeword(path) : Codeword(path);

    /// <summary>û = x·G_N (G_N is an involution) into _uWords, packed 64 bits per word.</summary>
    private void ExtractU(ReadOnlySpan<uint> x)
    {
        PolarKernels.PackSigns(x, _uWords);
        PolarKernels.TransformPacked(_uWords, x.Length);
    }

    /// <summary>Decodes with successive cancellation (list size 1) and no check: the K bits c of the single SC path.</summary>
    public PolarDecodeResult DecodeSuccessiveCancellation(PolarCode code, ReadOnlySpan<float> llrs, Span<byte> c)
    {
        int saved = _listSize;
        _listSize = 1;
        try
        {
            return Decode(code, llrs, c, default(AcceptAnyPath));
        }
        finally
        {
            _listSize = saved;
        }
    }

    /// <summary>
    /// Successive-cancellation decoding for an arbitrary frozen set: writes the decisions û_n, n = 0..N−1, with frozen
    /// positions decided 0 (parity-check positions as in TS 38.212 §5.3.1.2).
    /// </summary>
    /// <param name="llrs">N channel LLRs.</param>
    /// <param name="kinds">The kind of each u_n.</param>
    /// <param name="u">Receives the N decisions.</param>
    public void DecodeSuccessiveCancellation(ReadOnlySpan<float> llrs, ReadOnlySpan<PolarBitKind> kinds, Span<byte> u)
    {
        int n = llrs.Length;
        if (n < 2 || n > MaxLength || (n & (n - 1)) != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(llrs), n, $"length a power of two 2..{MaxLength}");
        }

        ThrowHelper.ThrowIfLengthDiffers(kinds.Length, n, nameof(kinds));
        ThrowHelper.ThrowIfLengthDiffers(u.Length, n, nameof(u));
        int count = PolarNode.BuildSchedule(kinds, allowRate1: false, useNodes: !ExactCheckNode, _scratchSchedule, _scheduleCounts);
        Run(llrs, kinds, 1, _scratchSchedule.AsSpan(0, count));
        ExtractU(Codeword(_active[0]));
        for (int i = 0; i < n; i++)
        {
            u[i] = (byte)((_uWords[i >> 6] >> (i & 63)) & 1);
        }
    }

    /// <summary>Runs the SCL recursion over the node schedule; afterwards the active paths hold their final state.</summary>
    private void Run(ReadOnlySpan<float> llrs, ReadOnlySpan<PolarBitKind> kinds, int listSize, ReadOnlySpan<PolarNode> schedule)
    {
        int n = llrs.Length;
        int stages = BitOperations.Log2((uint)n);
        _alpha.Reset(stages);
        _betaLeft.Reset(stages);
        _betaRight.Reset(stages);
        _activeCount = 1;
        _active[0] = 0;
        _inactiveCount = 0;
        for (int l = MaxListSize - 1; l >= 1; l--)
        {
            _inactive[_inactiveCount++] = l;
        }

        _metric[0] = 0;
        _register[0] = 0;
        foreach (PolarNode node in schedule)
        {
            int s = node.Stage;
            int phi = node.FirstLeaf;
            int size = 1 << s;
            int start = phi == 0 ? stages - 1 : BitOperations.TrailingZeroCount(phi);
            for (int a = 0; a < _activeCount; a++)
            {
                int l = _active[a];
                ComputeAlpha(l, phi, start, s, stages, llrs);
                _register[l] = RotateRegister(_register[l], size);
            }

            switch (node.Type)
            {
                case PolarNodeType.Rate0:
                    for (int a = 0; a < _activeCount; a++)
                    {
                        int l = _active[a];
                        _metric[l] += NodePenalty(l, s, 0u);
                        WriteBeta(l, s, phi, 0u);
                    }

                    break;
                case PolarNodeType.SingleParityCheck:
                    SingleParityCheck(s, phi, listSize);
                    break;
                case PolarNodeType.Rate1:
                    for (int a = 0; a < _activeCount; a++)
                    {
                        WriteHardDecisions(_active[a], s, phi);
                    }

                    if (listSize > 1)
                    {
                        Rate1List(s, phi, listSize);
                    }

                    break;
                default:
                    // A single leaf or a repetition node: one decision (bit) per path, split when it is free.
                    PolarBitKind kind = node.Type == PolarNodeType.Repetition ? PolarBitKind.Information : kinds[phi];
                    for (int a = 0; a < _activeCount; a++)
                    {
                        int l = _active[a];
                        _increment0[l] = NodePenalty(l, s, 0u);
                        _increment1[l] = kind == PolarBitKind.Frozen ? float.PositiveInfinity : NodePenalty(l, s, SignBit);
                    }

                    if (kind == PolarBitKind.Information && listSize > 1)
                    {
                        SplitPaths(s, phi, listSize);
                    }
                    else
                    {
                        for (int a = 0; a < _activeCount; a++)
                        {
                            int l = _active[a];
                            uint bit = kind switch
                            {
                                PolarBitKind.Frozen => 0u,
                                PolarBitKind.ParityCheck => (uint)(_register[l] & 1),
                                _ => _increment1[l] < _increment0[l] ? 1u : 0u,
                            };
                            ApplyDecision(l, s, phi, bit, kind == PolarBitKind.Information);
                        }
                    }

                    break;
            }

            int last = phi + size - 1;
            if ((last & 1) == 1 && stages > 1)
            {
                int completed = Math.Min(BitOperations.TrailingZeroCount(~last), stages - 1);
                for (int a = 0; a < _activeCount; a++)
                {
                    CombineUp(_active[a], last, Math.Max(s + 1, 1), completed);
                }
            }
        }
    }

    /// <summary>Rotates the 5-bit parity-check register once per leaf, <paramref name="leaves"/> times.</summary>
    private static int RotateRegister(int register, int leaves)
    {
        for (int r = leaves % 5; r > 0; r--)
        {
            register = (register >> 1) | ((register & 1) << 4);
        }

        return register;
    }

    /// <summary>LLRs from stage <paramref name="start"/> down to the node's stage <paramref name="stage"/> for path l.</summary>
    private void ComputeAlpha(int l, int phi, int start, int stage, int stages, ReadOnlySpan<float> llrs)
    {
        for (int s = start; s >= Math.Max(stage, 1); s--)
        {
            ReadOnlySpan<float> parent = s + 1 == stages ? llrs : _alpha.Read(l, s + 1);
            Span<float> destination = _alpha.Write(l, s);
            if (((phi >> s) & 1) != 0)
            {
                PolarKernels.VariableNode(parent, _betaLeft.Read(l, s), destination);
            }
            else if (ExactCheckNode)
            {
                PolarKernels.CheckNodeExact(parent, destination, ExactLlrMax);
            }
            else
            {
                PolarKernels.CheckNode(parent, destination);
            }
        }

        if (stage > 0)
        {
            return;
        }

        ReadOnlySpan<float> pair = stages == 1 ? llrs : _alpha.Read(l, 1);
        _alpha0[l] = (phi & 1) != 0
            ? pair[1] + BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(pair[0]) ^ _beta0Left[l])
            : ExactCheckNode ? PolarKernels.CheckNodeExact(pair[0], pair[1], ExactLlrMax) : PolarKernels.CheckNode(pair[0], pair[1]);
    }

    /// <summary>
    /// The metric increment of setting every bit of the node's codeword to the same value (sign mask
    /// <paramref name="bitMask"/>): Σ |α_i| over the LLRs that disagree (TS-independent min-sum SCL metric; for a single
    /// leaf it is the usual |λ| penalty, for rate-0 and repetition nodes the exact node form of Hashemi et al., 2017).
    /// </summary>
    private float NodePenalty(int l, int stage, uint bitMask)
    {
        if (stage == 0)
        {
            float lambda = _alpha0[l];
            return (BitConverter.SingleToUInt32Bits(lambda) & SignBit) != bitMask && lambda != 0 ? MathF.Abs(lambda) : 0f;
        }

        return PolarKernels.DisagreementSum(_alpha.Read(l, stage), bitMask);
    }

    /// <summary>
    /// Decides the node of path l as <paramref name="bit"/> (every leaf of a repetition node), updating metric, partial sums and,
    /// for an information bit, the parity-check register (y0 ^= u_n; a parity-check bit leaves it unchanged, TS 38.212 §5.3.1.2).
    /// </summary>
    private void ApplyDecision(int l, int stage, int phi, uint bit, bool informationBit)
    {
        _metric[l] += bit == 0 ? _increment0[l] : _increment1[l];
        if (informationBit)
        {
            _register[l] ^= (int)bit;
        }

        WriteBeta(l, stage, phi, bit << 31);
    }

    /// <summary>Writes the node's partial sums (all equal to <paramref name="mask"/>) on the node's side.</summary>
    private void WriteBeta(int l, int stage, int phi, uint mask)
    {
        bool right = ((phi >> stage) & 1) != 0;
        if (stage == 0)
        {
            if (right)
            {
                _beta0Right[l] = mask;
            }
            else
            {
                _beta0Left[l] = mask;
            }

            return;
        }

        (right ? _betaRight : _betaLeft).Write(l, stage).Fill(mask);
    }

    /// <summary>Rate-1 node (SC only): the partial sums are the hard decisions of the node LLRs.</summary>
    private void WriteHardDecisions(int l, int stage, int phi)
    {
        bool right = ((phi >> stage) & 1) != 0;
        ReadOnlySpan<float> alpha = _alpha.Read(l, stage);
        Span<uint> destination = (right ? _betaRight : _betaLeft).Write(l, stage);
        for (int i = 0; i < alpha.Length; i++)
        {
            destination[i] = BitConverter.SingleToUInt32Bits(alpha[i]) & SignBit;
        }
    }

    /// <summary>Combines the partial sums of the completed nodes at stages <paramref name="from"/>..<paramref name="completed"/>.</summary>
    private void CombineUp(int l, int last, int from, int completed)
    {
        for (int s = from; s <= completed; s++)
        {
            Span<uint> destination = ((last >> s) & 1) != 0 ? _betaRight.Write(l, s) : _betaLeft.Write(l, s);
            if (s == 1)
            {
                destination[0] = _beta0Left[l] ^ _beta0Right[l];
                destination[1] = _beta0Right[l];
            }
            else
            {
                PolarKernels.Combine(_betaLeft.Read(l, s - 1), _betaRight.Read(l, s - 1), destination);
            }
        }
    }

    /// <summary>List step at a free decision: keeps the L best of the 2·(active) extensions.</summary>
    private void SplitPaths(int stage, int phi, int listSize)
    {
        int count = _activeCount;
        if (2 * count <= listSize)
        {
            for (int a = 0; a < count; a++)
            {
                int l = _active[a];
                int clone = ClonePath(l);
                ApplySplit(l, stage, phi, 0);
                ApplySplit(clone, stage, phi, 1);
            }

            return;
        }

        // Candidate 2a + b: path _active[a] extended with bit b.
        for (int a = 0; a < count; a++)
        {
            int l = _active[a];
            _candidateMetric[2 * a] = _metric[l] + _increment0[l];
            _candidateMetric[(2 * a) + 1] = _metric[l] + _increment1[l];
        }

        MarkSurvivors(2 * count, listSize);

        // Kill the paths with no surviving extension first, so their arrays are free for the clones.
        Span<int> survivorPaths = stackalloc int[32];
        Span<byte> decision = stackalloc byte[32];
        int kept = 0;
        for (int a = 0; a < count; a++)
        {
            int l = _active[a];
            bool zero = _survives[2 * a], one = _survives[(2 * a) + 1];
            if (!zero && !one)
            {
                KillPath(l);
                continue;
            }

            survivorPaths[kept] = l;
            decision[kept++] = zero && one ? (byte)2 : zero ? (byte)0 : (byte)1;
        }

        _activeCount = 0;
        for (int i = 0; i < kept; i++)
        {
            _active[_activeCount++] = survivorPaths[i];
        }

        for (int i = 0; i < kept; i++)
        {
            int l = survivorPaths[i];
            if (decision[i] == 2)
            {
                int clone = ClonePath(l);
                ApplySplit(l, stage, phi, 0);
                ApplySplit(clone, stage, phi, 1);
            }
            else
            {
                ApplySplit(l, stage, phi, decision[i]);
            }
        }
    }

    /// <summary>Marks in _survives the <paramref name="keep"/> best of the first <paramref name="candidates"/> candidate metrics (stable order).</summary>
    private void MarkSurvivors(int candidates, int keep)
    {
        ReadOnlySpan<float> metric = _candidateMetric.AsSpan(0, candidates);
        for (int i = 0; i < candidates; i++)
        {
            _survives[i] = PolarKernels.StableRank(metric, i) < keep;
        }
    }

    /// <summary>The node schedule of a code for a list size (cached per code; built on first use).</summary>
    private ReadOnlySpan<PolarNode> Schedule(PolarCode code, int listSize)
    {
        if (ExactCheckNode || !UseSpecialNodes)
        {
            int count = PolarNode.BuildSchedule(code.BitKinds, false, false, _scratchSchedule, _scheduleCounts);
            return _scratchSchedule.AsSpan(0, count);
        }

        bool rate1 = code.NPc == 0;
        if (!_schedules.TryGetValue((code, rate1), out PolarNode[]? schedule))
        {
            int count = PolarNode.BuildSchedule(code.BitKinds, rate1, true, _scratchSchedule, _scheduleCounts);
            schedule = _scratchSchedule.AsSpan(0, count).ToArray();
            _schedules[(code, rate1)] = schedule;
        }

        return schedule;
    }

    /// <summary>Applies a split decision: a node decision, or (rate-1 rounds) keeping or flipping one hard decision.</summary>
    private void ApplySplit(int l, int stage, int phi, uint bit)
    {
        if (_rate1Round < 0)
        {
            ApplyDecision(l, stage, phi, bit, true);
            return;
        }

        if (bit == 0)
        {
            return;
        }

        _metric[l] += _increment1[l];
        if (_spcMode)
        {
            _spcParity[l] ^= 1;
        }

        int position = _rate1Index[(l * MaxRate1Splits) + _rate1Round];
        bool right = ((phi >> stage) & 1) != 0;
        Span<uint> beta = (right ? _betaRight : _betaLeft).WriteCopy(l, stage);
        beta[position] ^= SignBit;
    }

    /// <summary>
    /// Rate-1 node in the list decoder (Hashemi, Condo and Gross, "Fast and flexible successive-cancellation list decoders
    /// for polar codes", 2017): starting from the hard decisions, min(L − 1, M) split rounds, round j offering each path
    /// to flip its j-th least reliable bit at a metric cost |α|. Equivalent to leaf-by-leaf SCL on the node.
    /// </summary>
    /// <summary>Writes the indices of the <paramref name="count"/> smallest |α| of path l's node, ascending, into its index row.</summary>
    private void SelectLeastReliable(int l, int stage, int count)
    {
        ReadOnlySpan<float> alpha = _alpha.Read(l, stage);
        Span<int> least = _rate1Index.AsSpan(l * MaxRate1Splits, count);
        Span<float> magnitude = stackalloc float[MaxRate1Splits];
        int filled = 0;
        for (int i = 0; i < alpha.Length; i++)
        {
            // Keep the `count` smallest |α| in ascending order (insertion into a short sorted list).
            float value = MathF.Abs(alpha[i]);
            if (filled == count && value >= magnitude[count - 1])
            {
                continue;
            }

            int j = filled == count ? count - 1 : filled++;
            while (j > 0 && magnitude[j - 1] > value)
            {
                magnitude[j] = magnitude[j - 1];
                least[j] = least[j - 1];
                j--;
            }

            magnitude[j] = value;
            least[j] = i;
        }
    }

    /// <summary>
    /// Single-parity-check node (first leaf frozen, the rest information) in SC or SCL: hard decisions, the parity fixed by the
    /// least reliable bit (Wagner rule) and, in a list, min(L, M) − 1 split rounds flipping the next least reliable bits
    /// together with that bit (Hashemi, Condo and Gross, 2017): flipping bit i costs |α_i| ± |α_min| as the path's parity is
    /// currently satisfied or not. Equivalent to leaf-by-leaf SCL on the node.
    /// </summary>
    private void SingleParityCheck(int stage, int phi, int listSize)
    {
        int size = 1 << stage;
        int count = Math.Min(Math.Min(listSize, size), MaxRate1Splits);
        _rate1Count = count;
        for (int a = 0; a < _activeCount; a++)
        {
            int l = _active[a];
            WriteHardDecisions(l, stage, phi);
            SelectLeastReliable(l, stage, count);
            ReadOnlySpan<float> alpha = _alpha.Read(l, stage);
            uint parity = 0;
            foreach (float value in alpha)
            {
                parity ^= BitConverter.SingleToUInt32Bits(value) >> 31;
            }

            _spcParity[l] = (int)parity;
            if (parity != 0)
            {
                _metric[l] += MathF.Abs(alpha[_rate1Index[l * MaxRate1Splits]]);
            }
        }

        _spcMode = true;
        for (int round = 1; round < count; round++)
        {
            _rate1Round = round;
            float worstKeep = float.NegativeInfinity, bestFlip = float.PositiveInfinity;
            for (int a = 0; a < _activeCount; a++)
            {
                int l = _active[a];
                ReadOnlySpan<float> alpha = _alpha.Read(l, stage);
                float least = MathF.Abs(alpha[_rate1Index[l * MaxRate1Splits]]);
                _increment0[l] = 0f;
                _increment1[l] = MathF.Abs(alpha[_rate1Index[(l * MaxRate1Splits) + round]]) + (_spcParity[l] != 0 ? -least : least);
                worstKeep = MathF.Max(worstKeep, _metric[l]);
                bestFlip = MathF.Min(bestFlip, _metric[l] + _increment1[l]);
            }

            // As for rate-1 nodes: flip costs only grow with the round, so a round that changes nothing ends the node.
            if (_activeCount == listSize && bestFlip > worstKeep)
            {
                break;
            }

            SplitPaths(stage, phi, listSize);
        }

        _spcMode = false;
        _rate1Round = -1;

        // Satisfy the parity with the least reliable bit.
        bool right = ((phi >> stage) & 1) != 0;
        for (int a = 0; a < _activeCount; a++)
        {
            int l = _active[a];
            if (_spcParity[l] != 0)
            {
                (right ? _betaRight : _betaLeft).WriteCopy(l, stage)[_rate1Index[l * MaxRate1Splits]] ^= SignBit;
            }
        }

        _rate1Count = 0;
    }

    private void Rate1List(int stage, int phi, int listSize)
    {
        int size = 1 << stage;
        int rounds = Math.Min(Math.Min(listSize - 1, size), MaxRate1Splits);
        _rate1Count = rounds;
        for (int a = 0; a < _activeCount; a++)
        {
            SelectLeastReliable(_active[a], stage, rounds);
        }

        for (int round = 0; round < rounds; round++)
        {
            _rate1Round = round;
            float worstKeep = float.NegativeInfinity, bestFlip = float.PositiveInfinity;
            for (int a = 0; a < _activeCount; a++)
            {
                int l = _active[a];
                _increment0[l] = 0f;
                _increment1[l] = MathF.Abs(_alpha.Read(l, stage)[_rate1Index[(l * MaxRate1Splits) + round]]);
                worstKeep = MathF.Max(worstKeep, _metric[l]);
                bestFlip = MathF.Min(bestFlip, _metric[l] + _increment1[l]);
            }

            // With a full list, when every flip is strictly worse than every path kept as is, this round changes nothing,
            // and neither do the later ones (their |α| only grow): stop early (same result as running them).
            if (_activeCount == listSize && bestFlip > worstKeep)
            {
                break;
            }

            SplitPaths(stage, phi, listSize);
        }

        _rate1Round = -1;
        _rate1Count = 0;
    }

    private int ClonePath(int l)
    {
        int clone = _inactive[--_inactiveCount];
        if (_rate1Count > 0)
        {
            // Inside a rate-1 or SPC node the clone needs the parent's least-reliable positions (only the used ones).
            _rate1Index.AsSpan(l * MaxRate1Splits, _rate1Count).CopyTo(_rate1Index.AsSpan(clone * MaxRate1Splits, _rate1Count));
        }

        _active[_activeCount++] = clone;
        _alpha.Clone(l, clone);
        _betaLeft.Clone(l, clone);
        _betaRight.Clone(l, clone);
        _metric[clone] = _metric[l];
        _increment0[clone] = _increment0[l];
        _increment1[clone] = _increment1[l];
        _spcParity[clone] = _spcParity[l];
        _alpha0[clone] = _alpha0[l];
        _beta0Left[clone] = _beta0Left[l];
        _beta0Right[clone] = _beta0Right[l];
        _register[clone] = _register[l];
        return clone;
    }

    private void KillPath(int l)
    {
        _alpha.Release(l);
        _betaLeft.Release(l);
        _betaRight.Release(l);
        _inactive[_inactiveCount++] = l;
    }

    /// <summary>Sorts the active paths by metric into _ranked; returns their count.</summary>
    private int RankPaths()
    {
        int count = _activeCount;
        for (int i = 0; i < count; i++)
        {
            int item = _active[i];
            int j = i - 1;
            while (j >= 0 && _metric[_ranked[j]] > _metric[item])
            {
                _ranked[j + 1] = _ranked[j];
                j--;
            }

            _ranked[j + 1] = item;
        }

        return count;
    }

    /// <summary>The codeword x of path l (sign masks): the combination of the root's two halves.</summary>
    private ReadOnlySpan<uint> Codeword(int l)
    {
        int stages = _alpha.Stages;
        Span<uint> x = _codeword.AsSpan(0, 1 << stages);
        if (stages == 1)
        {
            x[0] = _beta0Left[l] ^ _beta0Right[l];
            x[1] = _beta0Right[l];
            return x;
        }

        PolarKernels.Combine(_betaLeft.Read(l, stages - 1), _betaRight.Read(l, stages - 1), x);
        return x;
    }

    /// <summary>c_Π(k) = û at the k-th information position.</summary>
    private static void ExtractInformation(PolarCode code, ReadOnlySpan<ulong> u, Span<byte> c)
    {
        ReadOnlySpan<short> positions = code.InformationPositions;
        ReadOnlySpan<short> pi = code.InputInterleaver;
        for (int k = 0; k < positions.Length; k++)
        {
            int n = positions[k];
            c[pi[k]] = (byte)((u[n >> 6] >> (n & 63)) & 1);
        }
    }

    /// <summary>
    /// Reference-counted arrays of one kind: per stage s = 1..stages−1, L arrays of 2^s elements, and per path the
    /// index of the array it uses at each stage.
    /// </summary>
    private sealed class StagePool<T>
    {
        private readonly T[] _data;
        private readonly int[] _offset = new int[MaxStages];
        private readonly int[] _references;
        private readonly int[] _free;
        private readonly int[] _freeCount = new int[MaxStages];
        private readonly int[] _index;
        private readonly int _listSize;
        /// <summary>log2 N of the current decode.</summary>
        public int Stages { get; private set; }

        public StagePool(int maxStages, int listSize)
        {
            _listSize = listSize;
            int total = 0;
            for (int s = 1; s < maxStages; s++)
            {
                _offset[s] = total;
                total += listSize << s;
            }

            _data = new T[Math.Max(total, 1)];
            _references = new int[MaxStages * listSize];
            _free = new int[MaxStages * listSize];
            _index = new int[listSize * MaxStages];
        }

        /// <summary>Path 0 owns array 0 of every stage; all other arrays are free.</summary>
        public void Reset(int stages)
        {
            Stages = stages;
            for (int s = 1; s < stages; s++)
            {
                _references[(s * _listSize) + 0] = 1;
                _index[s] = 0;
                int free = 0;
                for (int i = _listSize - 1; i >= 1; i--)
                {
                    _references[(s * _listSize) + i] = 0;
                    _free[(s * _listSize) + free++] = i;
                }

                _freeCount[s] = free;
            }
        }

        public ReadOnlySpan<T> Read(int path, int stage) =>
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), _offset[stage] + (_index[(path * MaxStages) + stage] << stage)), 1 << stage);

        /// <summary>The path's array at the stage, made exclusive first (no copy: callers overwrite it entirely).</summary>
        public Span<T> Write(int path, int stage)
        {
            ref int index = ref _index[(path * MaxStages) + stage];
            ref int references = ref _references[(stage * _listSize) + index];
            if (references > 1)
            {
                references--;
                index = _free[(stage * _listSize) + --_freeCount[stage]];
                _references[(stage * _listSize) + index] = 1;
            }

            return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), _offset[stage] + (index << stage)), 1 << stage);
        }

        /// <summary>The path's array at the stage, made exclusive with its current content (for partial updates).</summary>
        public Span<T> WriteCopy(int path, int stage)
        {
            ref int index = ref _index[(path * MaxStages) + stage];
            ref int references = ref _references[(stage * _listSize) + index];
            if (references > 1)
            {
                references--;
                int old = index;
                index = _free[(stage * _listSize) + --_freeCount[stage]];
                _references[(stage * _listSize) + index] = 1;
                _data.AsSpan(_offset[stage] + (old << stage), 1 << stage).CopyTo(_data.AsSpan(_offset[stage] + (index << stage), 1 << stage));
            }

            return _data.AsSpan(_offset[stage] + (index << stage), 1 << stage);
        }

        public void Clone(int from, int to)
        {
            for (int s = 1; s < Stages; s++)
            {
                int index = _index[(from * MaxStages) + s];
                _index[(to * MaxStages) + s] = index;
                _references[(s * _listSize) + index]++;
            }
        }

        public void Release(int path)
        {
            for (int s = 1; s < Stages; s++)
            {
                int index = _index[(path * MaxStages) + s];
                if (--_references[(s * _listSize) + index] == 0)
                {
                    _free[(s * _listSize) + _freeCount[s]++] = index;
                }
            }
        }
    }
}
