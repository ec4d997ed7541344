namespace OpenRan.Simulation.Coding;

/// <summary>Progress of a running simulation.</summary>
/// <param name="PointIndex">The point being simulated.</param>
/// <param name="EbN0Db">Its E_b/N_0.</param>
/// <param name="Frames">Frames counted so far (a contiguous prefix of work units).</param>
/// <param name="FrameErrors">Frame errors counted so far.</param>
/// <param name="Done">Whether the point is finished.</param>
public readonly record struct CodedAwgnProgress(int PointIndex, double EbN0Db, long Frames, long FrameErrors, bool Done);
