package org.disclosurereports.operations;

import org.disclosurereports.support.MySqlServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The operator commands with the job repository and records on MySQL (MariaDB here). */
@ExtendWith(MySqlServer.class)
class OperatorCommandsJvmMySqlTest extends OperatorCommandsJvmContract {

    private static final Map<String, String> urls = new ConcurrentHashMap<>();

    @Override
    List<String> database(String name) {
        String url = urls.computeIfAbsent(name + "@" + tmp, k -> MySqlServer.createDatabase("disclosure_ops"));
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
