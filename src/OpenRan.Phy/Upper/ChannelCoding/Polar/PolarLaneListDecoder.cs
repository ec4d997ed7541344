using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// The successive-cancellation list recursion of <see cref="PolarDecoder"/> for list sizes 2..8 with one Vector256 lane per
/// path: every LLR, partial sum, metric and parity register is a vector of eight paths, so the f/g updates, node metrics and
/// node decisions of all paths are single vector operations, also near the leaves where a path-by-path decoder is scalar.
/// </summary>
/// <remarks>
/// <para>Same algorithm and node rules as <see cref="PolarDecoder"/> (min-sum f, special nodes of Hashemi, Condo and Gross
/// 2017, the same early exits); results agree with it up to ties between equal path metrics.</para>
/// <para>Path copying is lazy by lane permutation: each stage array (LLRs, left and right partial sums) carries a map from
/// logical path to the lane that holds its data. A list step that keeps path <c>parent[r]</c> as new path r composes every
/// map with <c>parent</c> (one permute per stage); readers apply the map as they load (one permute per vector) and writers
/// store in logical order. Nothing is ever copied between paths. Inactive lanes carry a metric of +∞ and lose every
/// selection. Requires AVX2 (vpermps); sized at construction; allocates nothing per decode.</para>
/// </remarks>
internal sealed class PolarLaneListDecoder
{
    /// <summary>The largest list size: one path per 32-bit lane of a Vector256.</summary>
    public const int MaxListSize = 8;

    private const int MaxStages = 11;
    private const uint SignBit = 0x8000_0000u;

    private readonly Vector256<float>[] _alpha;
    private readonly Vector256<uint>[] _betaLeft;
    private readonly Vector256<uint>[] _betaRight;
    private readonly Vector256<int>[] _alphaMap = new Vector256<int>[MaxStages];
    private readonly Vector256<int>[] _leftMap = new Vector256<int>[MaxStages];
    private readonly Vector256<int>[] _rightMap = new Vector256<int>[MaxStages];
    private readonly Vector256<float>[] _magnitude;
    private readonly Vector256<float>[] _leastMagnitude = new Vector256<float>[MaxListSize];
    private readonly Vector256<int>[] _leastIndex = new Vector256<int>[MaxListSize];
    private readonly uint[] _codeword;
    private Vector256<float> _metric;
    private Vector256<int> _register;
    private Vector256<int> _flips;
    private Vector256<int> _parity;
    private Vector256<float> _inList;
    private int _leastCount;
    private int _stages;
    private int _listSize;

    /// <summary>Allocates the stage arrays for codes up to <paramref name="maxLength"/> (a power of two).</summary>
    public PolarLaneListDecoder(int maxLength)
    {
        _alpha = new Vector256<float>[maxLength];
        _betaLeft = new Vector256<uint>[maxLength];
        _betaRight = new Vector256<uint>[maxLength];
        _magnitude = new Vector256<float>[maxLength / 2];
        _codeword = new uint[maxLength];
    }

    /// <summary>Whether this machine runs the lane decoder (AVX2 lane permutes).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    private static Vector256<int> Identity => Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);

    /// <summary>Runs the list recursion over the node schedule; afterwards the lanes hold the final paths.</summary>
    /// <param name="llrs">N channel LLRs (N = 2^stages ≥ 2).</param>
    /// <param name="kinds">The kind of each u_n.</param>
    /// <param name="listSize">The list size, 2..8.</param>
    /// <param name="schedule">The node schedule of the code.</param>
    public void Run(ReadOnlySpan<float> llrs, ReadOnlySpan<PolarBitKind> kinds, int listSize, ReadOnlySpan<PolarNode> schedule)
    {
        int stages = BitOperations.Log2((uint)llrs.Length);
        _stages = stages;
        _listSize = listSize;
        for (int t = 0; t < stages; t++)
        {
            _alphaMap[t] = Identity;
            _leftMap[t] = Identity;
            _rightMap[t] = Identity;
        }

        _inList = Vector256.LessThan(Identity, Vector256.Create(listSize)).AsSingle();
        _metric = Vector256.Create(0f, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity);
        _register = Vector256<int>.Zero;
        _leastCount = 0;
        foreach (PolarNode node in schedule)
        {
            int s = node.Stage;
            int phi = node.FirstLeaf;
            int size = 1 << s;
            ComputeAlpha(phi, phi == 0 ? stages - 1 : BitOperations.TrailingZeroCount(phi), s, llrs);
            _register = RotateRegister(_register, size % 5);
            ReadOnlySpan<Vector256<float>> alpha = _alpha.AsSpan(size - 1, size);
            switch (node.Type)
            {
                case PolarNodeType.Rate0:
                    _metric += Disagreement(alpha, Vector256<uint>.Zero);
                    WriteBeta(s, phi, Vector256<uint>.Zero);
                    break;
                case PolarNodeType.Rate1:
                    HardDecisionNode(s, phi, alpha, parityCheck: false);
                    break;
                case PolarNodeType.SingleParityCheck:
                    HardDecisionNode(s, phi, alpha, parityCheck: true);
                    break;
                default:
                    // A single leaf or a repetition node: one decision (bit) per path.
                    PolarBitKind kind = node.Type == PolarNodeType.Repetition ? PolarBitKind.Information : kinds[phi];
                    Vector256<float> increment0 = Disagreement(alpha, Vector256<uint>.Zero);
                    Vector256<int> bit;
                    if (kind == PolarBitKind.Frozen)
                    {
                        _metric += increment0;
                        WriteBeta(s, phi, Vector256<uint>.Zero);
                        break;
                    }

                    Vector256<float> increment1 = Disagreement(alpha, Vector256.Create(SignBit));
                    if (kind == PolarBitKind.ParityCheck)
                    {
                        bit = _register & Vector256<int>.One;
                        _metric += Vector256.ConditionalSelect(Vector256.Equals(bit, Vector256<int>.Zero).AsSingle(), increment0, increment1);
                    }
                    else
                    {
                        bit = Split(_metric + increment0, _metric + increment1);
                    }

                    if (kind != PolarBitKind.ParityCheck)
                    {
                        // Only information bits update the register (TS 38.212 §5.3.1.2).
                        _register ^= bit;
                    }

                    WriteBeta(s, phi, bit.AsUInt32() << 31);
                    break;
            }

            int last = phi + size - 1;
            if ((last & 1) == 1 && stages > 1)
            {
                CombineUp(last, s + 1, Math.Min(BitOperations.TrailingZeroCount(~last), stages - 1));
            }
        }
    }

    /// <summary>Writes the lanes of the paths in the list (finite metric) into <paramref name="ranked"/>, best first; returns their count.</summary>
    public int RankPaths(Span<int> ranked)
    {
        Span<float> metric = stackalloc float[Vector256<float>.Count];
        _metric.CopyTo(metric);
        int count = 0;
        for (int lane = 0; lane < _listSize; lane++)
        {
            if (float.IsPositiveInfinity(metric[lane]))
            {
                continue;
            }

            int j = count - 1;
            while (j >= 0 && metric[ranked[j]] > metric[lane])
            {
                ranked[j + 1] = ranked[j];
                j--;
            }

            ranked[j + 1] = lane;
            count++;
        }

        return count;
    }

    /// <summary>The path metric of the path in <paramref name="lane"/>.</summary>
    public float Metric(int lane) => _metric.GetElement(lane);

    /// <summary>
    /// The codeword x of the path in <paramref name="lane"/> as sign masks (0 or 0x8000_0000): the combination of the root's two
    /// halves.
    /// </summary>
    public ReadOnlySpan<uint> Codeword(int lane)
    {
        int top = _stages - 1;
        int half = 1 << top;
        ReadOnlySpan<uint> left = MemoryMarshal.Cast<Vector256<uint>, uint>(_betaLeft.AsSpan(half - 1, half));
        ReadOnlySpan<uint> right = MemoryMarshal.Cast<Vector256<uint>, uint>(_betaRight.AsSpan(half - 1, half));
        int leftLane = _leftMap[top].GetElement(lane);
        int rightLane = _rightMap[top].GetElement(lane);
        Span<uint> x = _codeword.AsSpan(0, 2 * half);
        for (int i = 0; i < half; i++)
        {
            uint r = right[(8 * i) + rightLane];
            x[i] = left[(8 * i) + leftLane] ^ r;
            x[half + i] = r;
        }

        return x;
    }

    /// <summary>v with lane p taken from lane map[p] (the logical order of a stored vector).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Gather(Vector256<float> v, Vector256<int> map) =>
        Avx2.IsSupported ? Avx2.PermuteVar8x32(v, map) : Vector256.Shuffle(v, map);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Gather(Vector256<int> v, Vector256<int> map) =>
        Avx2.IsSupported ? Avx2.PermuteVar8x32(v, map) : Vector256.Shuffle(v, map);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Gather(Vector256<uint> v, Vector256<int> map) =>
        Avx2.IsSupported ? Avx2.PermuteVar8x32(v, map.AsUInt32()) : Vector256.Shuffle(v, map.AsUInt32());

    /// <summary>Rotates each lane's 5-bit parity-check register <paramref name="steps"/> times (one step per leaf).</summary>
    private static Vector256<int> RotateRegister(Vector256<int> register, int steps)
    {
        for (; steps > 0; steps--)
        {
            register = (register >>> 1) | ((register & Vector256<int>.One) << 4);
        }

        return register;
    }

    /// <summary>The LLRs of the node at <paramref name="stage"/> from <paramref name="start"/> down, for all lanes.</summary>
    private void ComputeAlpha(int phi, int start, int stage, ReadOnlySpan<float> llrs)
    {
        for (int t = start; t >= stage; t--)
        {
            int m = 1 << t;
            ref Vector256<float> destination = ref _alpha[m - 1];
            bool right = ((phi >> t) & 1) != 0;
            ref Vector256<uint> beta = ref _betaLeft[m - 1];
            Vector256<int> betaMap = _leftMap[t];
            if (t + 1 == _stages)
            {
                // The root: the channel LLRs, the same for every path.
                ref float a = ref MemoryMarshal.GetReference(llrs);
                for (int i = 0; i < m; i++)
                {
                    Vector256<float> x = Vector256.Create(Unsafe.Add(ref a, i));
                    Vector256<float> y = Vector256.Create(Unsafe.Add(ref a, m + i));
                    Unsafe.Add(ref destination, i) = right ? PolarKernels.VariableNode(x, y, Gather(Unsafe.Add(ref beta, i), betaMap)) : PolarKernels.CheckNode(x, y);
                }
            }
            else
            {
                ref Vector256<float> parent = ref _alpha[(2 * m) - 1];
                Vector256<int> parentMap = _alphaMap[t + 1];
                if (right)
                {
                    for (int i = 0; i < m; i++)
                    {
                        Vector256<float> x = Gather(Unsafe.Add(ref parent, i), parentMap);
                        Vector256<float> y = Gather(Unsafe.Add(ref parent, m + i), parentMap);
                        Unsafe.Add(ref destination, i) = PolarKernels.VariableNode(x, y, Gather(Unsafe.Add(ref beta, i), betaMap));
                    }
                }
                else
                {
                    for (int i = 0; i < m; i++)
                    {
                        Vector256<float> x = Gather(Unsafe.Add(ref parent, i), parentMap);
                        Vector256<float> y = Gather(Unsafe.Add(ref parent, m + i), parentMap);
                        Unsafe.Add(ref destination, i) = PolarKernels.CheckNode(x, y);
                    }
                }
            }

            _alphaMap[t] = Identity;
        }
    }

    /// <summary>
    /// Per lane Σ |α_i| over the α_i whose hard decision differs from the bit (sign mask <paramref name="bitMask"/>): the metric
    /// increment of setting every bit of the node's codeword to that bit (Hashemi et al. 2017; |λ| at a single leaf).
    /// </summary>
    private static Vector256<float> Disagreement(ReadOnlySpan<Vector256<float>> alpha, Vector256<uint> bitMask)
    {
        Vector256<float> sum = Vector256<float>.Zero;
        foreach (Vector256<float> value in alpha)
        {
            sum += PolarKernels.DisagreeingMagnitude(value, bitMask);
        }

        return sum;
    }

    /// <summary>Writes a node's partial sums, all equal to the lane's sign mask, on the node's side of its parent.</summary>
    private void WriteBeta(int stage, int phi, Vector256<uint> mask)
    {
        int size = 1 << stage;
        bool right = ((phi >> stage) & 1) != 0;
        (right ? _betaRight : _betaLeft).AsSpan(size - 1, size).Fill(mask);
        (right ? _rightMap : _leftMap)[stage] = Identity;
    }

    /// <summary>Combines the partial sums of the completed nodes at stages <paramref name="from"/>..<paramref name="completed"/>.</summary>
    private void CombineUp(int last, int from, int completed)
    {
        for (int t = Math.Max(from, 1); t <= completed; t++)
        {
            int m = 1 << (t - 1);
            ref Vector256<uint> left = ref _betaLeft[m - 1];
            ref Vector256<uint> right = ref _betaRight[m - 1];
            Vector256<int> leftMap = _leftMap[t - 1];
            Vector256<int> rightMap = _rightMap[t - 1];
            bool toRight = ((last >> t) & 1) != 0;
            ref Vector256<uint> destination = ref (toRight ? _betaRight : _betaLeft)[(2 * m) - 1];
            for (int i = 0; i < m; i++)
            {
                Vector256<uint> r = Gather(Unsafe.Add(ref right, i), rightMap);
                Unsafe.Add(ref destination, i) = Gather(Unsafe.Add(ref left, i), leftMap) ^ r;
                Unsafe.Add(ref destination, m + i) = r;
            }

            (toRight ? _rightMap : _leftMap)[t] = Identity;
        }
    }

    /// <summary>
    /// List step: keeps the L best of the 2·8 candidates (lane a extended with bit b, metric m_b[a]), ordered by metric with ties
    /// to the lower candidate index 2a + b (a stable sort). New lane r continues candidate r; all lane state is permuted
    /// accordingly. Returns the bit of each new lane (0 or 1).
    /// </summary>
    private Vector256<int> Split(Vector256<float> metric0, Vector256<float> metric1)
    {
        // Candidate 2a + b: lane a extended with bit b.
        Span<float> keys = stackalloc float[2 * Vector256<float>.Count];
        Vector256<float> odd = Vector256.Create(0, -1, 0, -1, 0, -1, 0, -1).AsSingle();
        Vector256<int> low = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
        Vector256<int> high = low + Vector256.Create(4);
        Vector256.ConditionalSelect(odd, Gather(metric1, low), Gather(metric0, low)).StoreUnsafe(ref MemoryMarshal.GetReference(keys));
        Vector256.ConditionalSelect(odd, Gather(metric1, high), Gather(metric0, high)).StoreUnsafe(ref MemoryMarshal.GetReference(keys), (nuint)Vector256<float>.Count);
        Span<int> parent = stackalloc int[Vector256<int>.Count];
        Span<int> bit = stackalloc int[Vector256<int>.Count];
        Span<float> metric = stackalloc float[Vector256<float>.Count];
        parent.Clear();
        bit.Clear();
        metric.Fill(float.PositiveInfinity);
        for (int c = 0; c < keys.Length; c++)
        {
            int rank = PolarKernels.StableRank(keys, c);
            if (rank < _listSize)
            {
                parent[rank] = c >> 1;
                bit[rank] = c & 1;
                metric[rank] = keys[c];
            }
        }

        Vector256<int> map = Vector256.Create<int>(parent);
        _metric = Vector256.Create<float>(metric);
        for (int t = 0; t < _stages; t++)
        {
            _alphaMap[t] = Gather(_alphaMap[t], map);
            _leftMap[t] = Gather(_leftMap[t], map);
            _rightMap[t] = Gather(_rightMap[t], map);
        }

        _register = Gather(_register, map);
        _flips = Gather(_flips, map);
        _parity = Gather(_parity, map);
        for (int j = 0; j < _leastCount; j++)
        {
            _leastIndex[j] = Gather(_leastIndex[j], map);
            _leastMagnitude[j] = Gather(_leastMagnitude[j], map);
        }

        return Vector256.Create<int>(bit);
    }

    /// <summary>
    /// Rate-1 and single-parity-check nodes (Hashemi, Condo and Gross, "Fast and flexible successive-cancellation list decoders
    /// for polar codes", 2017): hard decisions, then list rounds that offer each path to flip its next least reliable bit.
    /// Rate-1: min(L − 1, M) rounds, flipping bit j costs |α_j|. SPC (first leaf frozen): the parity is satisfied through the
    /// least reliable bit (Wagner rule, metric += |α_0| when violated) and min(L, M) − 1 rounds flip bit j together with it, at
    /// cost |α_j| ± |α_0| as the path's parity is currently satisfied or not. A round in which every flip is worse than every
    /// kept path of a full list changes nothing, and neither do the later ones: the node ends there.
    /// </summary>
    private void HardDecisionNode(int stage, int phi, ReadOnlySpan<Vector256<float>> alpha, bool parityCheck)
    {
        int size = alpha.Length;
        int count = parityCheck ? Math.Min(_listSize, size) : Math.Min(_listSize - 1, size);
        SelectLeastReliable(alpha, count);
        _flips = Vector256<int>.Zero;
        _parity = Vector256<int>.Zero;
        int first = 0;
        if (parityCheck)
        {
            Vector256<uint> parity = Vector256<uint>.Zero;
            foreach (Vector256<float> value in alpha)
            {
                parity ^= value.AsUInt32();
            }

            _parity = (parity >>> 31).AsInt32();
            _metric += _leastMagnitude[0] & Vector256.Equals(_parity, Vector256<int>.One).AsSingle();
            first = 1;
        }

        Vector256<float> notInList = ~_inList;
        for (int round = first; round < count; round++)
        {
            Vector256<float> increment = _leastMagnitude[round];
            if (parityCheck)
            {
                Vector256<float> least = _leastMagnitude[0];
                increment += least ^ (_parity.AsUInt32() << 31).AsSingle();
            }

            Vector256<float> flipped = _metric + increment;
            float worstKeep = HorizontalMax(Vector256.ConditionalSelect(_inList, _metric, Vector256.Create(float.NegativeInfinity)));
            float bestFlip = HorizontalMin(Vector256.ConditionalSelect(notInList, Vector256.Create(float.PositiveInfinity), flipped));
            if (!float.IsPositiveInfinity(worstKeep) && bestFlip > worstKeep)
            {
                break;
            }

            Vector256<int> bit = Split(_metric, flipped);
            _flips |= bit << round;
            _parity ^= bit;
        }

        if (parityCheck)
        {
            _flips |= _parity;
        }

        // β = hard decisions of α (in the lanes' current order) with each lane's flips applied.
        bool right = ((phi >> stage) & 1) != 0;
        Span<Vector256<uint>> beta = (right ? _betaRight : _betaLeft).AsSpan(size - 1, size);
        Vector256<int> map = _alphaMap[stage];
        Vector256<uint> sign = Vector256.Create(SignBit);
        for (int i = 0; i < size; i++)
        {
            Vector256<uint> value = Gather(alpha[i], map).AsUInt32() & sign;
            Vector256<int> position = Vector256.Create(i);
            for (int j = 0; j < count; j++)
            {
                Vector256<int> flip = Vector256.Equals(_leastIndex[j], position) & (_flips << (31 - j));
                value ^= flip.AsUInt32() & sign;
            }

            beta[i] = value;
        }

        (right ? _rightMap : _leftMap)[stage] = Identity;
        _leastCount = 0;
    }

    /// <summary>
    /// Per lane, the indices and magnitudes of the <paramref name="count"/> smallest |α_i| in ascending order (equal magnitudes
    /// by index) into _leastIndex and _leastMagnitude.
    /// </summary>
    private void SelectLeastReliable(ReadOnlySpan<Vector256<float>> alpha, int count)
    {
        int size = alpha.Length;
        Span<Vector256<float>> magnitude = _magnitude.AsSpan(0, size);
        for (int i = 0; i < size; i++)
        {
            magnitude[i] = Vector256.Abs(alpha[i]);
        }

        Vector256<float> infinity = Vector256.Create(float.PositiveInfinity);
        for (int j = 0; j < count; j++)
        {
            Vector256<float> least = magnitude[0];
            for (int i = 1; i < size; i++)
            {
                least = Vector256.Min(least, magnitude[i]);
            }

            Vector256<int> index = Vector256<int>.Zero;
            for (int i = size - 1; i >= 0; i--)
            {
                index = Vector256.ConditionalSelect(Vector256.Equals(magnitude[i], least).AsInt32(), Vector256.Create(i), index);
            }

            for (int i = 0; i < size; i++)
            {
                magnitude[i] = Vector256.ConditionalSelect(Vector256.Equals(index, Vector256.Create(i)).AsSingle(), infinity, magnitude[i]);
            }

            _leastIndex[j] = index;
            _leastMagnitude[j] = least;
        }

        _leastCount = count;
    }

    private static float HorizontalMax(Vector256<float> v)
    {
        Vector128<float> m = Vector128.Max(v.GetLower(), v.GetUpper());
        m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        return MathF.Max(m.GetElement(0), m.GetElement(1));
    }

    private static float HorizontalMin(Vector256<float> v)
    {
        Vector128<float> m = Vector128.Min(v.GetLower(), v.GetUpper());
        m = Vector128.Min(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        return MathF.Min(m.GetElement(0), m.GetElement(1));
    }
}
