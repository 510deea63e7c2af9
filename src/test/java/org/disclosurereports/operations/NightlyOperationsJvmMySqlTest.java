package org.disclosurereports.operations;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The same real-JVM scenarios with the job repository and records on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
class NightlyOperationsJvmMySqlTest extends NightlyOperationsJvmContract {

    private static final Map<String, String> urls = new ConcurrentHashMap<>();

    @Override
    boolean otherScopesRunSideBySide() {
        return true;
    }

    @Override
    List<String> database(String name) {
        // One database per test method and name: installations do not share records unless the test says so.
        String key = name + "@" + tmp;
        String url = urls.computeIfAbsent(key, k -> MySqlServer.createDatabase("disclosure_jvm"));
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + MySqlServer.USER);
        args.add("--spring.datasource.password=" + MySqlServer.PASSWORD);
        return args;
    }

    @AfterAll
    static void drop() {
        urls.values().forEach(MySqlServer::dropDatabase);
    }
}
