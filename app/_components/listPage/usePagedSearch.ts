'use client';

import { useState } from 'react';
import { useDebounced } from '../useDebounced';

/**
 * The state of a searchable, paginated list: typing a new search goes back to the first page,
 * and the query follows the search only once typing pauses.
 */
export function usePagedSearch(pageSize: number) {
  const [page, setPage] = useState(1);
  const [search, setSearchText] = useState('');
  const debouncedSearch = useDebounced(search);
  const setSearch = (value: string) => {
    setSearchText(value);
    setPage(1);
  };
  return {
    page,
    setPage,
    search,
    setSearch,
    debouncedSearch,
    query: { page, pageSize, search: debouncedSearch },
  };
}
