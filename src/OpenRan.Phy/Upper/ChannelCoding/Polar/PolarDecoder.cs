using System;
using System.Numerics;
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
/// </remarks>
public sealed class PolarDecoder
{
    private const int MaxStages = 11;
    private const float ExactLlrMax = 30f;

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
    private readonly int[] _candidateOrder;
    private readonly bool[] _survives;
    private readonly uint[] _codeword;
    private readonly byte[] _u;
    private readonly int[] _ranked;
    private int _activeCount;
    private int _inactiveCount;
    private int _listSize = 8;

    /// <summary>Allocates a decoder for codes up to <paramref name="maxLength"/> and lists up to <paramref name="maxListSize"/>.</summary>
    /// <param name="maxListSize">Largest list size L, 1..32.</param>
    /// <param name="maxLength">Largest code length N, a power of two 32..1024.</param>
    public PolarDecoder(int maxListSize = 32, int maxLength = PolarCode.MaxLength)
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
        _candidateOrder = new int[2 * maxListSize];
        _survives = new bool[2 * maxListSize];
        _codeword = new uint[maxLength];
        _u = new byte[maxLength];
        _ranked = new int[maxListSize];
        _listSize = Math.Min(8, maxListSize);
    }

    /// <summary>
    /// The check-node rule: false (default) for min-sum f = sign·sign·min, true for the exact box-plus with inputs
    /// clipped to ±30 (as Sionna's SC decoder; a reference, several times slower).
    /// </summary>
    public bool ExactCheckNode { get; set; }

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
    /// likely path, flagged as failed, when none does).
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

        Run(llrs, code.BitKinds, _listSize);
        int ranked = RankPaths();
        Span<byte> u = _u.AsSpan(0, code.N);
        for (int r = 0; r < ranked; r++)
        {
            int path = _ranked[r];
            ExtractU(path, u);
            ExtractInformation(code, u, c);
            if (check.Accept(c))
            {
                return new PolarDecodeResult(true, _metric[path], r);
            }
        }

        ExtractU(_ranked[0], u);
        ExtractInformation(code, u, c);
        return new PolarDecodeResult(false, _metric[_ranked[0]], -1);
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
        Run(llrs, kinds, 1);
        ExtractU(_active[0], u);
    }

    /// <summary>Runs the SCL recursion over all N leaves; afterwards the active paths hold their final state.</summary>
    private void Run(ReadOnlySpan<float> llrs, ReadOnlySpan<PolarBitKind> kinds, int listSize)
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
        for (int phi = 0; phi < n; phi++)
        {
            int start = phi == 0 ? stages - 1 : BitOperations.TrailingZeroCount(phi);
            for (int a = 0; a < _activeCount; a++)
            {
                ComputeAlpha(_active[a], phi, start, stages, llrs);
            }

            PolarBitKind kind = kinds[phi];
            for (int a = 0; a < _activeCount; a++)
            {
                int l = _active[a];
                _register[l] = (_register[l] >> 1) | ((_register[l] & 1) << 4);
            }

            if (kind == PolarBitKind.Information && listSize > 1)
            {
                SplitPaths(phi, listSize);
            }
            else
            {
                for (int a = 0; a < _activeCount; a++)
                {
                    int l = _active[a];
                    float lambda = _alpha0[l];
                    uint bit = kind switch
                    {
                        PolarBitKind.Frozen => 0u,
                        PolarBitKind.ParityCheck => (uint)(_register[l] & 1),
                        _ => lambda < 0 ? 1u : 0u,
                    };
                    SetLeaf(l, phi, bit, kind != PolarBitKind.Frozen);
                }
            }

            if ((phi & 1) == 1 && stages > 1)
            {
                int completed = Math.Min(BitOperations.TrailingZeroCount(~phi), stages - 1);
                for (int a = 0; a < _activeCount; a++)
                {
                    CombineUp(_active[a], phi, completed);
                }
            }
        }
    }

    /// <summary>LLRs from stage <paramref name="start"/> down to the leaf φ for path l.</summary>
    private void ComputeAlpha(int l, int phi, int start, int stages, ReadOnlySpan<float> llrs)
    {
        for (int s = start; s >= 1; s--)
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

        ReadOnlySpan<float> pair = stages == 1 ? llrs : _alpha.Read(l, 1);
        _alpha0[l] = (phi & 1) != 0
            ? pair[1] + BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(pair[0]) ^ _beta0Left[l])
            : ExactCheckNode ? PolarKernels.CheckNodeExact(pair[0], pair[1], ExactLlrMax) : PolarKernels.CheckNode(pair[0], pair[1]);
    }

    /// <summary>Decides leaf φ of path l as <paramref name="bit"/>, updating its metric, register and partial sum.</summary>
    private void SetLeaf(int l, int phi, uint bit, bool inInformationSet)
    {
        float lambda = _alpha0[l];
        uint hard = lambda < 0 ? 1u : 0u;
        if (hard != bit)
        {
            _metric[l] += MathF.Abs(lambda);
        }

        if (inInformationSet)
        {
            _register[l] ^= (int)bit;
        }

        if ((phi & 1) != 0)
        {
            _beta0Right[l] = bit << 31;
        }
        else
        {
            _beta0Left[l] = bit << 31;
        }
    }

    /// <summary>After leaf φ, combines the partial sums of the completed nodes at stages 1..<paramref name="completed"/>.</summary>
    private void CombineUp(int l, int phi, int completed)
    {
        // Stage 1 from the two per-path leaf values.
        Span<uint> stage1 = ((phi >> 1) & 1) != 0 ? _betaRight.Write(l, 1) : _betaLeft.Write(l, 1);
        stage1[0] = _beta0Left[l] ^ _beta0Right[l];
        stage1[1] = _beta0Right[l];
        for (int s = 2; s <= completed; s++)
        {
            Span<uint> destination = ((phi >> s) & 1) != 0 ? _betaRight.Write(l, s) : _betaLeft.Write(l, s);
            PolarKernels.Combine(_betaLeft.Read(l, s - 1), _betaRight.Read(l, s - 1), destination);
        }
    }

    /// <summary>List step at an information leaf: keeps the L best of the 2·(active) extensions.</summary>
    private void SplitPaths(int phi, int listSize)
    {
        int count = _activeCount;
        if (2 * count <= listSize)
        {
            for (int a = 0; a < count; a++)
            {
                int l = _active[a];
                int clone = ClonePath(l);
                uint hard = _alpha0[l] < 0 ? 1u : 0u;
                SetLeaf(l, phi, hard, true);
                SetLeaf(clone, phi, hard ^ 1u, true);
            }

            return;
        }

        // Candidate 2a + b: path _active[a] extended with bit b.
        for (int a = 0; a < count; a++)
        {
            int l = _active[a];
            float lambda = _alpha0[l];
            float penalty = MathF.Abs(lambda);
            bool hardIsOne = lambda < 0;
            _candidateMetric[2 * a] = _metric[l] + (hardIsOne ? penalty : 0f);
            _candidateMetric[(2 * a) + 1] = _metric[l] + (hardIsOne ? 0f : penalty);
        }

        int candidates = 2 * count;
        for (int i = 0; i < candidates; i++)
        {
            _candidateOrder[i] = i;
            _survives[i] = false;
        }

        // Partial insertion sort: the listSize smallest metrics (stable, so ties keep path order).
        for (int i = 1; i < candidates; i++)
        {
            int item = _candidateOrder[i];
            float key = _candidateMetric[item];
            int j = i - 1;
            while (j >= 0 && _candidateMetric[_candidateOrder[j]] > key)
            {
                _candidateOrder[j + 1] = _candidateOrder[j];
                j--;
            }

            _candidateOrder[j + 1] = item;
        }

        for (int i = 0; i < listSize; i++)
        {
            _survives[_candidateOrder[i]] = true;
        }

        // Kill the paths with no surviving extension first, so their arrays are free for the clones.
        int kept = 0;
        for (int a = 0; a < count; a++)
        {
            int l = _active[a];
            if (!_survives[2 * a] && !_survives[(2 * a) + 1])
            {
                KillPath(l);
            }
            else
            {
                _candidateOrder[kept++] = a;
            }
        }

        // _active is rebuilt: survivors (in their old order) then clones appended by ClonePath.
        int survivorCount = kept;
        Span<int> survivorsA = _candidateOrder.AsSpan(0, survivorCount);
        Span<int> survivorPaths = stackalloc int[32];
        for (int i = 0; i < survivorCount; i++)
        {
            survivorPaths[i] = _active[survivorsA[i]];
        }

        Span<bool> both = stackalloc bool[32];
        Span<byte> single = stackalloc byte[32];
        for (int i = 0; i < survivorCount; i++)
        {
            int a = survivorsA[i];
            both[i] = _survives[2 * a] && _survives[(2 * a) + 1];
            single[i] = _survives[2 * a] ? (byte)0 : (byte)1;
        }

        _activeCount = 0;
        for (int i = 0; i < survivorCount; i++)
        {
            _active[_activeCount++] = survivorPaths[i];
        }

        for (int i = 0; i < survivorCount; i++)
        {
            int l = survivorPaths[i];
            if (both[i])
            {
                int clone = ClonePath(l);
                SetLeaf(l, phi, 0, true);
                SetLeaf(clone, phi, 1, true);
            }
            else
            {
                SetLeaf(l, phi, single[i], true);
            }
        }
    }

    private int ClonePath(int l)
    {
        int clone = _inactive[--_inactiveCount];
        _active[_activeCount++] = clone;
        _alpha.Clone(l, clone);
        _betaLeft.Clone(l, clone);
        _betaRight.Clone(l, clone);
        _metric[clone] = _metric[l];
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

    /// <summary>û of path l: x = combination of the root's two halves, then û = x·G_N (G_N is an involution).</summary>
    private void ExtractU(int l, Span<byte> u)
    {
        int n = u.Length;
        if (n == 2)
        {
            u[0] = (byte)(_beta0Left[l] >> 31);
            u[1] = (byte)(_beta0Right[l] >> 31);
            return;
        }

        int top = BitOperations.Log2((uint)n) - 1;
        Span<uint> x = _codeword.AsSpan(0, n);
        PolarKernels.Combine(_betaLeft.Read(l, top), _betaRight.Read(l, top), x);
        for (int i = 0; i < n; i++)
        {
            u[i] = (byte)(x[i] >> 31);
        }

        PolarEncoder.Transform(u);
    }

    /// <summary>c_Π(k) = û at the k-th information position.</summary>
    private static void ExtractInformation(PolarCode code, ReadOnlySpan<byte> u, Span<byte> c)
    {
        ReadOnlySpan<short> positions = code.InformationPositions;
        ReadOnlySpan<short> pi = code.InputInterleaver;
        for (int k = 0; k < positions.Length; k++)
        {
            c[pi[k]] = u[positions[k]];
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
        private int _stages;

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
            _stages = stages;
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
            _data.AsSpan(_offset[stage] + (_index[(path * MaxStages) + stage] << stage), 1 << stage);

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

            return _data.AsSpan(_offset[stage] + (index << stage), 1 << stage);
        }

        public void Clone(int from, int to)
        {
            for (int s = 1; s < _stages; s++)
            {
                int index = _index[(from * MaxStages) + s];
                _index[(to * MaxStages) + s] = index;
                _references[(s * _listSize) + index]++;
            }
        }

        public void Release(int path)
        {
            for (int s = 1; s < _stages; s++)
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
