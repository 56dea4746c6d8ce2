using Serverless.Engine.Storage;

namespace Serverless.Engine.Tests.Storage;

/// <summary>
/// Create-only writes are how flow revisions and other first-writer-wins files are claimed: of several
/// concurrent writers exactly one may win, and the loser's content must never replace the winner's.
/// </summary>
public sealed class CreateOnlyMoveTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("create-only-");

    [Fact]
    public void TryMove_ConcurrentWritersToOnePath_ExactlyOneWinsEveryRound()
    {
        const int Rounds = 200;
        const int Writers = 8;
        var roundsWithOneWinner = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var target = Path.Join(_dir.FullName, $"target-{round}");
            var winners = new bool[Writers];
            Parallel.For(0, Writers, writer =>
            {
                var temp = Path.Join(_dir.FullName, $"temp-{round}-{writer}");
                File.WriteAllText(temp, writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                winners[writer] = CreateOnlyMove.TryMove(temp, target);
                File.Delete(temp);
            });

            var winner = Array.IndexOf(winners, true);
            if (winners.Count(w => w) == 1 && File.ReadAllText(target) == winner.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                roundsWithOneWinner++;
            }
        }

        Assert.Equal(Rounds, roundsWithOneWinner);
    }

    [Fact]
    public void TryMove_TargetExists_LeavesBothFilesUntouched()
    {
        var target = Path.Join(_dir.FullName, "target");
        var source = Path.Join(_dir.FullName, "source");
        File.WriteAllText(target, "first");
        File.WriteAllText(source, "second");

        Assert.False(CreateOnlyMove.TryMove(source, target));
        Assert.Equal("first", File.ReadAllText(target));
        Assert.Equal("second", File.ReadAllText(source));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
