using System;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>Enumerates the runs of bit selection: each run maps e_k … e_(k+n−1) to buffer positions p … p+n−1.</summary>
internal struct BitSelectionRuns
{
    private readonly LdpcCircularBuffer _buffer;
    private readonly int _e;
    private int _next;
    private int _position;

    public BitSelectionRuns(LdpcCircularBuffer buffer, int e)
    {
        _buffer = buffer;
        _e = e;
        _position = buffer.StartPosition;
    }

    /// <summary>Index k of the first selected bit of the current run.</summary>
    public int OutputIndex { get; private set; }

    /// <summary>Buffer position of the first bit of the current run.</summary>
    public int Position { get; private set; }

    /// <summary>Length of the current run.</summary>
    public int Length { get; private set; }

    /// <summary>Advances to the next run; false when all E bits are selected.</summary>
    public bool MoveNext()
    {
        while (_next < _e)
        {
            if (_position >= _buffer.FillerStart && _position < _buffer.FillerEnd)
            {
                _position = _buffer.FillerEnd;
            }

            if (_position >= _buffer.Length)
            {
                _position = 0;
                continue;
            }

            int runEnd = _position < _buffer.FillerStart ? _buffer.FillerStart : _buffer.Length;
            Length = Math.Min(runEnd - _position, _e - _next);
            OutputIndex = _next;
            Position = _position;
            _next += Length;
            _position += Length;
            return true;
        }

        return false;
    }
}
