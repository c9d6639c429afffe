using Npgsql;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Storage;

public class PostgresConnectionTests
{
    private const string Given = "Host=db;Port=5433;Database=safechat;Username=safechat;Password=secret;Maximum Pool Size=20";

    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_unless_the_operator_said_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.ForContexts(Given));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        // Everything the operator gave stays as given.
        Assert.Equal(("db", 5433, "safechat", "safechat", "secret", 20),
            (tuned.Host, tuned.Port, tuned.Database, tuned.Username, tuned.Password, tuned.MaxPoolSize));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("max auto prepare=0;no reset on close=false")]
    [InlineData("MaxAutoPrepare=0;NoResetOnClose=false")]
    public void What_the_operator_set_is_kept(string settings)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.ForContexts($"{Given};{settings}"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
