package dev.doppel.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AccountEventRepository extends OwnedRepository<AccountEvent> {

    @Override
    protected String noun() {
        return "This activity entry";
    }

    public AccountEvent record(UUID ownerId, AccountEvent.Type type, String clientAddress) {
        AccountEvent event = new AccountEvent();
        event.ownerId = ownerId;
        event.type = type;
        event.at = Instant.now();
        event.clientAddress = clientAddress;
        persist(event);
        return event;
    }

    public List<AccountEvent> recent(UUID ownerId, int limit) {
        return find("ownerId", Sort.descending("at"), ownerId).page(Page.ofSize(limit)).list();
    }
}
