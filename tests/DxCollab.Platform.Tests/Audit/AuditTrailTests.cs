using DxCollab.Platform.Audit;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Tests.Audit;

public sealed class AuditTrailTests : IDisposable
{
    private readonly TestDatabase _database = new() { Actor = new SystemActor("yamada@pref.osaka.lg.jp") };

    public void Dispose() => _database.Dispose();

    private List<AuditEntry> Entries()
    {
        using var db = _database.CreateContext(TestDatabase.Osaka);
        return db.AuditEntries.OrderBy(a => a.Id).ToList();
    }

    [Fact]
    public void Creating_an_organization_is_audited_with_its_values_in_readable_Japanese()
    {
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Organizations.Add(Make.Organization("272035", "豊中市", "とよなかし"));
            db.SaveChanges();
        }

        var entry = Entries().ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Created);
        entry.EntityType.ShouldBe("Organization");
        entry.EntityKey.ShouldBe("272035");
        entry.UserEmail.ShouldBe("yamada@pref.osaka.lg.jp");
        entry.TenantId.ShouldBe("osaka");
        entry.OccurredAt.ShouldBe(_database.Clock.Now.UtcDateTime);
        entry.Before.ShouldBeNull();
        entry.After.ShouldNotBeNull();
        entry.After.ShouldContain("\"Name\":\"豊中市\"");
        entry.After.ShouldContain("とよなかし");
        entry.After.ShouldNotContain("\\u");
        entry.After.ShouldNotContain("TenantId");
    }

    [Fact]
    public void Changing_an_organization_records_only_what_changed_before_and_after()
    {
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Organizations.Add(Make.Organization("272035", "豊中市", "とよなかし"));
            db.SaveChanges();
        }
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            var org = db.Organizations.Single();
            org.Name = "新豊中市";
            db.SaveChanges();
        }

        var entry = Entries()[1];
        entry.Action.ShouldBe(AuditAction.Updated);
        entry.EntityKey.ShouldBe("272035");
        entry.Before.ShouldBe("{\"Name\":\"豊中市\"}");
        entry.After.ShouldBe("{\"Name\":\"新豊中市\"}");
    }

    [Fact]
    public void Deleting_an_organization_records_what_it_was()
    {
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Organizations.Add(Make.Organization("272035", "豊中市", "とよなかし"));
            db.SaveChanges();
        }
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Organizations.Remove(db.Organizations.Single());
            db.SaveChanges();
        }

        var entry = Entries()[1];
        entry.Action.ShouldBe(AuditAction.Deleted);
        entry.After.ShouldBeNull();
        entry.Before!.ShouldContain("\"Name\":\"豊中市\"");
        entry.Before!.ShouldContain("\"Code\":\"272035\"");
    }

    [Fact]
    public void Password_hashes_and_security_stamps_never_reach_the_audit_trail()
    {
        var user = Make.User("tanaka@pref.osaka.lg.jp");
        user.PasswordHash = "AQAAAAIAAYagAAAAEsecret-hash";
        user.SecurityStamp = "STAMP-SECRET";
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Users.Add(user);
            db.SaveChanges();
        }
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            var stored = db.Users.Single();
            stored.PasswordHash = "AQAAAAIAAYagAAAAEnew-secret";
            stored.SecurityStamp = "STAMP-NEW";
            db.SaveChanges();
        }

        var entries = Entries();
        entries.Count.ShouldBe(2);
        entries[0].After!.ShouldContain("\"PasswordHash\":\"***\"");
        entries[0].After!.ShouldContain("\"SecurityStamp\":\"***\"");
        entries[0].After!.ShouldContain("tanaka@pref.osaka.lg.jp");
        entries[1].Before!.ShouldContain("\"PasswordHash\":\"***\"");
        entries[1].After!.ShouldContain("\"PasswordHash\":\"***\"");
        entries.ShouldAllBe(e => !(e.Before + e.After).Contains("secret") && !(e.Before + e.After).Contains("STAMP"));
    }

    [Fact]
    public void A_change_of_bookkeeping_columns_alone_is_not_audited()
    {
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Users.Add(Make.User("tanaka@pref.osaka.lg.jp"));
            db.SaveChanges();
        }
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            var user = db.Users.Single();
            user.AccessFailedCount++;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.SaveChanges();
        }
        Entries().Count.ShouldBe(1);
    }

    [Fact]
    public void An_audit_entry_cannot_be_changed()
    {
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Organizations.Add(Make.Organization("272035", "豊中市"));
            db.SaveChanges();
        }
        using var edit = _database.CreateContext(TestDatabase.Osaka);
        var entry = edit.AuditEntries.Single();
        edit.Entry(entry).Property(a => a.UserEmail).CurrentValue = "someone-else@example.jp";
        Should.Throw<InvalidOperationException>(() => edit.SaveChanges()).Message.ShouldContain("追記のみ");
        Entries().Single().UserEmail.ShouldBe("yamada@pref.osaka.lg.jp");
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_deleted()
    {
        using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.Organizations.Add(Make.Organization("272035", "豊中市"));
            db.SaveChanges();
        }
        await using var edit = _database.CreateContext(TestDatabase.Osaka);
        edit.AuditEntries.Remove(await edit.AuditEntries.SingleAsync());
        await Should.ThrowAsync<InvalidOperationException>(() => edit.SaveChangesAsync());
        Entries().Count.ShouldBe(1);
    }

    [Fact]
    public void The_audit_entry_commits_with_the_change_in_one_SaveChanges()
    {
        using var db = _database.CreateContext(TestDatabase.Osaka);
        db.Organizations.Add(Make.Organization("272035", "豊中市"));
        db.Organizations.Add(Make.Organization("272035", "豊中市")); // violates the unique index: nothing is saved
        Should.Throw<DbUpdateException>(() => db.SaveChanges());
        Entries().ShouldBeEmpty();
    }
}
